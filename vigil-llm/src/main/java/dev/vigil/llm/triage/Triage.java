package dev.vigil.llm.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.scan.Notification;
import dev.vigil.llm.client.ChatMessage;
import dev.vigil.llm.code.CodeIndex;
import dev.vigil.llm.code.SourceLines;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ResponseSchema;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Stage;
import dev.vigil.llm.prompt.PromptTemplate;
import dev.vigil.llm.session.AllProfilesFailedException;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.structured.StructuredCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Model triage of findings: one verdict (or a majority of {@code --samples} verdicts) per finding,
 * attached as the finding's {@code triage} property. A finding is never removed or altered otherwise;
 * a false positive becomes an external suppression only when the user asks for it.
 *
 * <p>Entry point for both {@code vigil triage} and {@code vigil scan --triage}:
 * {@link #run(List, TriageOptions, ModelSession)}.
 */
public final class Triage {

    /** Bumped whenever the prompt or schema changes, so cached answers of the old prompt are not reused. */
    public static final String PROMPT_VERSION = "triage-v1";
    public static final String PROPERTY = "triage";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PromptTemplate SYSTEM = PromptTemplate.load(PROMPT_VERSION + ".system.txt");
    private static final PromptTemplate USER = PromptTemplate.load(PROMPT_VERSION + ".user.txt");
    private static final ResponseSchema SCHEMA = loadSchema();

    private Triage() {
    }

    private static ResponseSchema loadSchema() {
        try {
            return new ResponseSchema("triage_verdict",
                    JSON.readTree(PromptTemplate.load(PROMPT_VERSION + ".schema.json").text()));
        } catch (IOException e) {
            throw new UncheckedIOException("triage schema resource is not JSON", e);
        }
    }

    /** The outcome for one finding. */
    private sealed interface Item {
        record Done(Finding finding, String verdict) implements Item {
        }

        record ModelError(Finding finding) implements Item {
        }

        record NotProcessed(Finding finding) implements Item {
        }

        record Skipped(Finding finding) implements Item {
        }
    }

    /**
     * Triages every unsuppressed finding. Never throws for model trouble: when the budget runs out or
     * every profile fails, the remaining findings are returned unchanged and the report says so
     * ({@link TriageReport#budgetStop()}, {@link TriageReport#failure()}).
     */
    public static TriageReport run(List<Finding> findings, TriageOptions options, ModelSession session) {
        SourceLines sources = new SourceLines(options.root());
        CodeIndex index;
        try {
            index = CodeIndex.build(options.root());
        } catch (IOException | RuntimeException e) {
            index = null; // validators are then not shown; the flow itself still is
        }
        CodeIndex codeIndex = index;
        List<Item> items = new ArrayList<>(Collections.nCopies(findings.size(), null));
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<String> budgetStop = new AtomicReference<>();
        List<Notification> notifications = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(findings.size(),
                session.chain(Stage.TRIAGE).stream().mapToInt(ModelProfile::maxConcurrency).max().orElse(1)));
        // Workers take findings in input order, so a budget stop leaves mostly the first findings triaged;
        // with more than one worker the last few admitted can race (max-concurrency 1 makes it an exact prefix).
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < findings.size(); i = next.getAndIncrement()) {
                        Finding f = findings.get(i);
                        if (f.isSuppressed()) {
                            items.set(i, new Item.Skipped(f));
                        } else if (failure.get() != null || budgetStop.get() != null) {
                            items.set(i, new Item.NotProcessed(f));
                        } else {
                            items.set(i, triageOne(f, options, session, sources, codeIndex, failure, budgetStop, notifications));
                        }
                    }
                });
            }
        }
        List<Finding> out = new ArrayList<>(findings.size());
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        int triaged = 0;
        int errors = 0;
        int notProcessed = 0;
        int skipped = 0;
        for (Item item : items) {
            switch (item) {
                case Item.Done d -> {
                    triaged++;
                    verdicts.merge(d.verdict(), 1, Integer::sum);
                    out.add(d.finding());
                }
                case Item.ModelError e -> {
                    errors++;
                    out.add(e.finding());
                }
                case Item.NotProcessed n -> {
                    notProcessed++;
                    out.add(n.finding());
                }
                case Item.Skipped s -> {
                    skipped++;
                    out.add(s.finding());
                }
            }
        }
        if (session.dryRun()) {
            notProcessed = 0;
        }
        return new TriageReport(out, triaged, errors, notProcessed, skipped, verdicts, session.dryRun(),
                budgetStop.get(), failure.get(), session.ledger(), notifications);
    }

    private static Item triageOne(Finding f, TriageOptions options, ModelSession session, SourceLines sources,
                                  CodeIndex index, AtomicReference<String> failure, AtomicReference<String> budgetStop,
                                  List<Notification> notifications) {
        ContextPack pack = ContextPack.build(f, sources, index, options.contextTokens());
        for (String note : pack.notes()) {
            notifications.add(Notification.warning(f.location().file(), "triage context: " + note));
        }
        String user = USER.render(Map.of(
                "ruleId", f.ruleId(),
                "cwe", String.valueOf(f.cwe()),
                "severity", f.severity().label(),
                "message", ContextPack.defuse(f.message().replaceAll("\\s+", " ")),
                "location", f.location().shortText(),
                "flow", pack.flow(),
                "code", pack.code().isEmpty() ? "(no code available)" : pack.code()));
        double temperature = options.samples() > 1 ? 0.7 : 0.0;
        List<StructuredCall.Result.Valid> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int s = 0; s < options.samples(); s++) {
            ChatRequest request = new ChatRequest(SYSTEM.text(), List.of(ChatMessage.user(user)), SCHEMA, List.of(),
                    temperature, options.maxOutputTokens(), s);
            StructuredCall.Result result;
            try {
                result = StructuredCall.ask(session, Stage.TRIAGE, request);
            } catch (AllProfilesFailedException e) {
                failure.compareAndSet(null, e.getMessage());
                return valid.isEmpty() ? new Item.NotProcessed(f) : done(f, valid, problems, options);
            }
            switch (result) {
                case StructuredCall.Result.Valid v -> valid.add(v);
                case StructuredCall.Result.Invalid i -> problems.add(i.problem());
                case StructuredCall.Result.Skipped sk -> {
                    budgetStop.compareAndSet(null, sk.limits());
                    return valid.isEmpty() && problems.isEmpty() ? new Item.NotProcessed(f) : done(f, valid, problems, options);
                }
                case StructuredCall.Result.Planned p -> {
                    // dry run: counted by the session; nothing to attach
                }
            }
        }
        if (session.dryRun()) {
            return new Item.NotProcessed(f);
        }
        return done(f, valid, problems, options);
    }

    private static Item done(Finding f, List<StructuredCall.Result.Valid> valid, List<String> problems, TriageOptions options) {
        if (valid.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("status", "model-error");
            p.put("verdict", "model-error");
            p.put("error", problems.isEmpty() ? "no answer" : problems.get(0));
            p.put("prompt", PROMPT_VERSION);
            return new Item.ModelError(f.withProperty(PROPERTY, p));
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            votes.put(v.label(), 0);
        }
        for (var v : valid) {
            votes.merge(v.value().path("verdict").asText(), 1, Integer::sum);
        }
        int best = Collections.max(votes.values());
        List<String> leaders = votes.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        // A tie between verdicts is not a majority: say so instead of picking one.
        String winner = leaders.size() == 1 ? leaders.get(0) : Verdict.UNCERTAIN.label();
        List<StructuredCall.Result.Valid> backing = valid.stream()
                .filter(v -> v.value().path("verdict").asText().equals(winner)).toList();
        StructuredCall.Result.Valid first = backing.isEmpty() ? valid.get(0) : backing.get(0);
        double confidence = backing.isEmpty() ? 0.0
                : backing.stream().mapToDouble(v -> v.value().path("confidence").asDouble()).average().orElse(0);
        List<String> preconditions = new ArrayList<>();
        if (winner.equals(Verdict.TRUE_POSITIVE.label())) {
            for (JsonNode n : first.value().path("exploitPreconditions")) {
                preconditions.add(n.asText());
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", "triaged");
        p.put("verdict", winner);
        p.put("confidence", Math.round(confidence * 1000) / 1000.0);
        p.put("reasoning", leaders.size() == 1 ? first.value().path("reasoning").asText()
                : "the samples disagree (" + votes + "); no majority");
        p.put("exploitPreconditions", preconditions);
        p.put("profile", first.profile().name());
        p.put("model", first.profile().model());
        p.put("prompt", PROMPT_VERSION);
        p.put("fromCache", valid.stream().allMatch(StructuredCall.Result.Valid::fromCache));
        if (valid.stream().anyMatch(StructuredCall.Result.Valid::repaired)) {
            p.put("repaired", true);
        }
        if (options.samples() > 1) {
            Map<String, Object> voting = new LinkedHashMap<>();
            voting.put("samples", options.samples());
            voting.put("valid", valid.size());
            voting.put("votes", votes);
            voting.put("agreement", Math.round(1000.0 * best / valid.size()) / 1000.0);
            p.put("voting", voting);
        }
        Finding out = f.withProperty(PROPERTY, p);
        if (options.hideFalsePositives() && winner.equals(Verdict.FALSE_POSITIVE.label()) && !f.isSuppressed()) {
            out = out.withSuppression(new Suppression(Suppression.Kind.EXTERNAL, String.format(Locale.ROOT,
                    "vigil triage (%s, confidence %.2f): %s", first.profile().model(), confidence,
                    first.value().path("reasoning").asText())));
        }
        return new Item.Done(out, winner);
    }
}
