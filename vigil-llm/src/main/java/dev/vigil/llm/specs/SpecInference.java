package dev.vigil.llm.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.llm.client.ChatMessage;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ResponseSchema;
import dev.vigil.llm.code.DataBlock;
import dev.vigil.llm.config.Stage;
import dev.vigil.llm.prompt.PromptTemplate;
import dev.vigil.llm.session.AllProfilesFailedException;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.structured.StructuredCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the model to label library methods no model row covers as sources, sinks, sanitizers or
 * propagators. Candidates go in batches; every label is checked (known rule id, a position that
 * exists for the method's arity) and a label that fails is reported, never written.
 */
public final class SpecInference {

    public static final String PROMPT_VERSION = "specs-v1";
    /** The taint rules a sink or sanitizer may name (RULES.md). */
    public static final List<String> TAINT_RULES = List.of("java/sql-injection", "java/command-injection",
            "java/path-traversal", "java/xss", "java/ldap-injection", "java/xpath-injection",
            "java/trust-boundary-violation", "java/ssrf", "java/code-injection", "java/expression-injection",
            "java/unsafe-deserialization", "java/open-redirect", "java/header-injection", "java/log-injection",
            "java/regex-injection", "java/unsafe-reflection", "java/template-injection");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PromptTemplate SYSTEM = PromptTemplate.load(PROMPT_VERSION + ".system.txt");
    private static final PromptTemplate USER = PromptTemplate.load(PROMPT_VERSION + ".user.txt");
    private static final Pattern ARG = Pattern.compile("arg(\\d+)");
    private static final ResponseSchema SCHEMA;

    static {
        try {
            SCHEMA = new ResponseSchema("api_labels", JSON.readTree(PromptTemplate.load(PROMPT_VERSION + ".schema.json").text()));
        } catch (IOException e) {
            throw new UncheckedIOException("specs schema resource is not JSON", e);
        }
    }

    /**
     * @param batchSize candidates per request
     * @param minConfidence labels below this confidence are treated as "none"
     */
    public record Options(int batchSize, double minConfidence, int maxOutputTokens) {

        public Options {
            if (batchSize < 1 || batchSize > 50) {
                throw new IllegalArgumentException("batch size must be between 1 and 50");
            }
        }

        public static Options defaults() {
            return new Options(8, 0.6, 2048);
        }
    }

    private SpecInference() {
    }

    public static SpecReport run(List<ApiCandidate> candidates, Options options, ModelSession session) {
        List<InferredSpec> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int none = 0;
        int errors = 0;
        int notProcessed = 0;
        String budgetStop = null;
        String failure = null;
        String system = SYSTEM.render(Map.of("rules", String.join(", ", TAINT_RULES)));
        for (int start = 0; start < candidates.size(); start += options.batchSize()) {
            List<ApiCandidate> batch = candidates.subList(start, Math.min(candidates.size(), start + options.batchSize()));
            if (budgetStop != null || failure != null) {
                notProcessed += batch.size();
                continue;
            }
            ChatRequest request = new ChatRequest(system, List.of(ChatMessage.user(USER.render(Map.of("methods", describe(batch))))),
                    SCHEMA, List.of(), 0.0, options.maxOutputTokens(), 0);
            StructuredCall.Result result;
            try {
                result = StructuredCall.ask(session, Stage.SPECS, request);
            } catch (AllProfilesFailedException e) {
                failure = e.getMessage();
                notProcessed += batch.size();
                continue;
            }
            switch (result) {
                case StructuredCall.Result.Skipped s -> {
                    budgetStop = s.limits();
                    notProcessed += batch.size();
                }
                case StructuredCall.Result.Planned p -> {
                    // dry run: counted by the session
                }
                case StructuredCall.Result.Invalid i -> {
                    errors += batch.size();
                    problems.add("batch of " + batch.size() + " starting with " + batch.get(0).signature() + ": " + i.problem());
                }
                case StructuredCall.Result.Valid v -> {
                    Set<Integer> answered = new HashSet<>();
                    for (JsonNode label : v.value().path("labels")) {
                        int id = label.path("id").asInt();
                        if (id < 1 || id > batch.size() || !answered.add(id)) {
                            problems.add("label with id " + id + " does not match a method of the batch (ignored)");
                            continue;
                        }
                        ApiCandidate api = batch.get(id - 1);
                        String role = label.path("role").asText();
                        double confidence = label.path("confidence").asDouble();
                        if (role.equals("none") || confidence < options.minConfidence()) {
                            none++;
                            continue;
                        }
                        try {
                            specs.add(validate(api, label, v.profile().model(), v.profile().name()));
                        } catch (IllegalArgumentException e) {
                            errors++;
                            problems.add(api.signature() + ": " + e.getMessage() + " (not written)");
                        }
                    }
                    for (int id = 1; id <= batch.size(); id++) {
                        if (!answered.contains(id)) {
                            errors++;
                            problems.add(batch.get(id - 1).signature() + ": the model gave no label");
                        }
                    }
                }
            }
        }
        return new SpecReport(specs, candidates.size(), none, errors, session.dryRun() ? 0 : notProcessed, problems,
                session.dryRun(), budgetStop, failure, session.ledger());
    }

    private static String describe(List<ApiCandidate> batch) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < batch.size(); i++) {
            ApiCandidate c = batch.get(i);
            sb.append("id ").append(i + 1).append(": ").append(DataBlock.defuse(c.type())).append('.')
                    .append(DataBlock.defuse(c.method())).append(" with ")
                    .append(c.arity() >= 0 ? c.arity() + " parameter(s)" : "unknown parameters")
                    .append(", ").append(c.calls()).append(" call site(s)\n")
                    .append(DataBlock.wrap("call sites of id " + (i + 1), String.join("\n", c.examples()))).append("\n\n");
        }
        return sb.toString().stripTrailing();
    }

    static InferredSpec validate(ApiCandidate api, JsonNode label, String model, String profile) {
        InferredSpec.Role role = InferredSpec.Role.valueOf(label.path("role").asText().toUpperCase(java.util.Locale.ROOT));
        String rule = label.path("rule").asText("");
        String position = label.path("position").asText("");
        String kind = label.path("kind").asText("");
        double confidence = label.path("confidence").asDouble();
        String reason = label.path("reason").asText("").replaceAll("\\s+", " ").strip();
        switch (role) {
            case SINK -> {
                requireRule(rule);
                requireArgument(api, position, true);
                kind = "";
            }
            case SANITIZER -> {
                requireRule(rule);
                position = "return";
                kind = "";
            }
            case SOURCE -> {
                rule = "";
                position = "return";
                kind = kind.equals("local") ? "local" : "remote";
            }
            case PROPAGATOR -> {
                rule = "";
                if (!position.equals("this")) {
                    requireArgument(api, position, true);
                }
                kind = "";
            }
        }
        return new InferredSpec(api, role, rule, position, kind, confidence, reason, model, profile);
    }

    private static void requireRule(String rule) {
        if (!TAINT_RULES.contains(rule)) {
            throw new IllegalArgumentException("unknown rule '" + rule + "'");
        }
    }

    private static void requireArgument(ApiCandidate api, String position, boolean allowAll) {
        if (allowAll && position.equals("args")) {
            if (api.arity() == 0) {
                throw new IllegalArgumentException("'args' on a method without parameters");
            }
            return;
        }
        Matcher m = ARG.matcher(position);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad position '" + position + "' (expected argN or args)");
        }
        if (api.arity() >= 0 && Integer.parseInt(m.group(1)) >= api.arity()) {
            throw new IllegalArgumentException("position " + position + " does not exist: the method has "
                    + api.arity() + " parameter(s)");
        }
    }
}
