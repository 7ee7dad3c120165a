package dev.vigil.llm.fix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.llm.client.ChatMessage;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ResponseSchema;
import dev.vigil.llm.code.DataBlock;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Stage;
import dev.vigil.llm.prompt.PromptTemplate;
import dev.vigil.llm.session.AllProfilesFailedException;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.structured.StructuredCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code fix} stage: asks a model to rewrite the method enclosing a finding. The model sees the
 * finding (rule, message, the source-to-sink steps with their code lines) and the method with line
 * numbers, and answers with the method's full replacement text and a one-line explanation. The answer
 * is untrusted: it is schema-checked (with one repair retry) and then {@link MethodReplacement#check
 * checked} to replace exactly that method; verification of the fix itself is the caller's job.
 *
 * <p>A later candidate for the same finding is told why the earlier ones were rejected.
 */
public final class ModelFixer {

    /** Bumped whenever the prompt or schema changes, so cached answers of the old prompt are not reused. */
    public static final String PROMPT_VERSION = "fix-v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PromptTemplate SYSTEM = PromptTemplate.load(PROMPT_VERSION + ".system.txt");
    private static final PromptTemplate USER = PromptTemplate.load(PROMPT_VERSION + ".user.txt");
    private static final ResponseSchema SCHEMA = loadSchema();
    private static final int MAX_CODE_LINE = 200;

    /**
     * One finding to fix.
     *
     * @param codeLine the source text of a flow step's line, or null when it cannot be read
     */
    public record Target(Finding finding, MethodRegion region, String lineSeparator, Function<Location, String> codeLine) {
    }

    /** What one request for a candidate produced. */
    public sealed interface Attempt {

        /** A replacement that parses as the same method and touches nothing else (not yet verified). */
        record Candidate(String replacement, String explanation, ModelProfile profile, boolean fromCache)
                implements Attempt {
        }

        /** An answer that was invalid or reached outside the method; {@code problem} says how. */
        record Rejected(String problem, ModelProfile profile) implements Attempt {
        }

        /** Not sent: the budget is spent. */
        record Skipped(String limits) implements Attempt {
        }

        /** Dry run: counted, not sent. */
        record Planned() implements Attempt {
        }
    }

    private final ModelSession session;

    public ModelFixer(ModelSession session) {
        this.session = session;
    }

    private static ResponseSchema loadSchema() {
        try {
            return new ResponseSchema("method_fix", JSON.readTree(PromptTemplate.load(PROMPT_VERSION + ".schema.json").text()));
        } catch (IOException e) {
            throw new UncheckedIOException("fix schema resource is not JSON", e);
        }
    }

    /**
     * Asks for candidate number {@code index} (0-based) of a target.
     *
     * @param earlier why the earlier candidates were rejected, in order (shown to the model)
     * @throws AllProfilesFailedException when no profile of the fix stage can answer
     */
    public Attempt ask(Target target, List<String> earlier, int index) throws AllProfilesFailedException {
        ChatRequest request = new ChatRequest(SYSTEM.text(), List.of(ChatMessage.user(prompt(target, earlier))), SCHEMA,
                List.of(), index == 0 ? 0.0 : 0.7, maxOutputTokens(target.region()), index);
        StructuredCall.Result result = StructuredCall.ask(session, Stage.FIX, request);
        return switch (result) {
            case StructuredCall.Result.Skipped s -> new Attempt.Skipped(s.limits());
            case StructuredCall.Result.Planned p -> new Attempt.Planned();
            case StructuredCall.Result.Invalid i -> new Attempt.Rejected("the answer is not valid: " + i.problem(), i.profile());
            case StructuredCall.Result.Valid v -> {
                String explanation = v.value().path("explanation").asText().replaceAll("\\s+", " ").strip();
                MethodReplacement.Checked checked = MethodReplacement.check(target.region(),
                        v.value().path("method").asText(), target.lineSeparator());
                yield checked.accepted()
                        ? new Attempt.Candidate(checked.replacement(), explanation, v.profile(), v.fromCache())
                        : new Attempt.Rejected(checked.problem(), v.profile());
            }
        };
    }

    static String prompt(Target target, List<String> earlier) {
        Finding f = target.finding();
        MethodRegion region = target.region();
        StringBuilder earlierText = new StringBuilder();
        if (!earlier.isEmpty()) {
            earlierText.append("\nEarlier replacements were rejected; avoid their problems:\n");
            for (int i = 0; i < earlier.size(); i++) {
                earlierText.append(i + 1).append(". ").append(DataBlock.defuse(oneLine(earlier.get(i)))).append('\n');
            }
        }
        return USER.render(Map.of(
                "ruleId", f.ruleId(),
                "cwe", String.valueOf(f.cwe()),
                "message", DataBlock.defuse(oneLine(f.message())),
                "location", DataBlock.defuse(f.location().shortText()),
                "flow", flow(target),
                "startLine", String.valueOf(region.startLine()),
                "endLine", String.valueOf(region.endLine()),
                "file", DataBlock.defuse(f.location().file()),
                "method", DataBlock.wrap(f.location().file() + ":" + region.startLine(), region.numbered()),
                "earlier", earlierText.toString()));
    }

    private static String flow(Target target) {
        Finding f = target.finding();
        List<FlowStep> steps = f.flow().isEmpty()
                ? List.of(new FlowStep(FlowStep.Kind.SINK, f.location(), f.message()))
                : f.flow();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            FlowStep s = steps.get(i);
            sb.append(i + 1).append(". [").append(s.kind().label()).append("] ").append(s.location().shortText())
                    .append(": ").append(oneLine(s.description())).append('\n');
            String code = target.codeLine().apply(s.location());
            if (code != null && !code.isBlank()) {
                String c = code.strip();
                sb.append("   code: ").append(c.length() > MAX_CODE_LINE ? c.substring(0, MAX_CODE_LINE) + "..." : c)
                        .append('\n');
            }
        }
        return DataBlock.wrap("evidence", sb.toString().stripTrailing());
    }

    private static int maxOutputTokens(MethodRegion region) {
        return Math.min(16_000, 1_024 + region.text().length() / 2);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
