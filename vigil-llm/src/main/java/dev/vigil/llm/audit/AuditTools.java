package dev.vigil.llm.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.llm.client.ToolCall;
import dev.vigil.llm.client.ToolSpec;
import dev.vigil.llm.code.CodeIndex;
import dev.vigil.llm.code.DataBlock;
import dev.vigil.llm.code.MethodLocator;
import dev.vigil.llm.config.ModelProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit agent's tools: read-only views of the {@link CodeIndex} plus {@code report_finding}.
 * Every argument is untrusted model output: it is parsed, checked and, when wrong, answered with an
 * error message the model can act on. Files are looked up only in the index, so no argument can name
 * a path outside the scanned tree. Code returned to the model is wrapped as data.
 */
final class AuditTools {

    static final String REPORT = "report_finding";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINES = 150;
    private static final int MAX_HITS = 40;
    private static final int MAX_METHOD_LINES = 200;

    private final CodeIndex index;
    private final List<Finding> staticFindings;

    AuditTools(CodeIndex index, List<Finding> staticFindings) {
        this.index = index;
        this.staticFindings = List.copyOf(staticFindings);
    }

    static List<ToolSpec> specs() {
        try {
            JsonNode defs = JSON.readTree(AuditTools.class.getResourceAsStream("/dev/vigil/llm/prompts/audit-v1.tools.json"));
            List<ToolSpec> out = new ArrayList<>();
            for (JsonNode t : defs) {
                out.add(new ToolSpec(t.path("name").asText(), t.path("description").asText(), t.path("parameters")));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("audit tool definitions missing from the build", e);
        }
    }

    /** The result of one tool call: text for the model, and a finding when one was reported. */
    record Result(String text, Finding finding) {
    }

    Result execute(ToolCall call, CodeIndex.EntryPoint entry, ModelProfile profile) {
        JsonNode args;
        try {
            args = JSON.readTree(call.argumentsJson());
        } catch (JsonProcessingException e) {
            return new Result("error: arguments are not valid JSON", null);
        }
        if (args == null || !args.isObject()) {
            return new Result("error: arguments must be a JSON object", null);
        }
        try {
            return switch (call.name()) {
                case "list_entry_points" -> new Result(listEntryPoints(), null);
                case "read_method" -> new Result(readMethod(text(args, "file"), integer(args, "line")), null);
                case "read_lines" -> new Result(readLines(text(args, "file"), integer(args, "start"), integer(args, "end")), null);
                case "search_text" -> new Result(hits("search " + text(args, "query"), index.search(text(args, "query"), MAX_HITS)), null);
                case "find_callers" -> new Result(hits("callers of " + text(args, "method"), index.callers(text(args, "method"), MAX_HITS)), null);
                case "taint_paths" -> new Result(taintPaths(args.path("file").asText("")), null);
                case REPORT -> report(args, entry, profile);
                default -> new Result("error: no tool named '" + call.name() + "'", null);
            };
        } catch (IllegalArgumentException e) {
            return new Result("error: " + e.getMessage(), null);
        }
    }

    private String listEntryPoints() {
        StringBuilder sb = new StringBuilder();
        for (CodeIndex.EntryPoint e : index.entryPoints()) {
            sb.append(e.describe()).append('\n');
        }
        return DataBlock.wrap("entry points", sb.isEmpty() ? "(none found)" : sb.toString().stripTrailing());
    }

    String readMethod(String file, int line) {
        List<String> lines = lines(file);
        checkLine(file, lines, line);
        MethodLocator.Range r = MethodLocator.enclosing(lines, line);
        int end = Math.min(r.end(), r.start() + MAX_METHOD_LINES - 1);
        return numbered(file, lines, r.start(), end);
    }

    private String readLines(String file, int start, int end) {
        List<String> lines = lines(file);
        checkLine(file, lines, start);
        int last = Math.min(Math.min(lines.size(), Math.max(start, end)), start + MAX_LINES - 1);
        return numbered(file, lines, start, last);
    }

    private String hits(String label, List<CodeIndex.Hit> hits) {
        StringBuilder sb = new StringBuilder();
        for (CodeIndex.Hit h : hits) {
            sb.append(h.file()).append(':').append(h.line()).append(": ").append(h.text()).append('\n');
        }
        return DataBlock.wrap(label, sb.isEmpty() ? "(no matches)" : sb.toString().stripTrailing());
    }

    private String taintPaths(String file) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : staticFindings) {
            boolean touches = file.isEmpty() || f.location().file().equals(file)
                    || f.flow().stream().anyMatch(s -> s.location().file().equals(file));
            if (!touches) {
                continue;
            }
            sb.append(f.ruleId()).append(" at ").append(f.location().shortText()).append(": ").append(f.message()).append('\n');
            for (FlowStep s : f.flow()) {
                sb.append("  ").append(s.kind().label()).append(' ').append(s.location().shortText()).append(' ')
                        .append(s.description()).append('\n');
            }
        }
        return DataBlock.wrap("taint paths", sb.isEmpty() ? "(no static findings" + (file.isEmpty() ? "" : " in " + file) + ")"
                : sb.toString().stripTrailing());
    }

    private Result report(JsonNode args, CodeIndex.EntryPoint entry, ModelProfile profile) {
        AuditRule rule = AuditRule.parse(text(args, "rule"));
        String title = text(args, "title");
        String file = text(args, "file");
        int line = integer(args, "line");
        List<String> lines = lines(file);
        checkLine(file, lines, line);
        Severity severity = Severity.parse(args.path("severity").asText("medium"));
        double confidence = args.path("confidence").asDouble(0.5);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be between 0 and 1");
        }
        List<FlowStep> evidence = new ArrayList<>();
        for (JsonNode e : args.path("evidence")) {
            String ef = text(e, "file");
            int el = integer(e, "line");
            checkLine(ef, lines(ef), el);
            evidence.add(new FlowStep(FlowStep.Kind.STEP, Location.line(ef, el), e.path("note").asText("")));
        }
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("evidence needs at least one {file, line, note} entry from the code you read");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("origin", "model");
        props.put("model", profile.model());
        props.put("profile", profile.name());
        props.put("confidence", confidence);
        props.put("reasoning", args.path("reasoning").asText(""));
        props.put("entryPoint", entry.file() + ":" + entry.line() + " " + entry.name());
        props.put("prompt", AuditAgent.PROMPT_VERSION);
        String snippet = lines.get(line - 1).strip();
        Finding f = new Finding(rule.id(), rule.cwe(), severity, "[model-found] " + title,
                new Location(file, line, 1, line, 1, snippet), entry.name(), evidence, null, props, null);
        return new Result("recorded " + rule.id() + " at " + file + ":" + line, f);
    }

    private List<String> lines(String file) {
        return index.lines(file).orElseThrow(() -> new IllegalArgumentException("'" + file
                + "' is not a Java file of the scanned tree (use paths exactly as list_entry_points or search_text print them)"));
    }

    private static void checkLine(String file, List<String> lines, int line) {
        if (line < 1 || line > lines.size()) {
            throw new IllegalArgumentException(file + " has " + lines.size() + " lines; line " + line + " does not exist");
        }
    }

    private static String numbered(String file, List<String> lines, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int n = start; n <= end; n++) {
            sb.append(n).append(" | ").append(lines.get(n - 1)).append('\n');
        }
        return DataBlock.wrap(file + ":" + start + "-" + end, sb.toString().stripTrailing());
    }

    private static String text(JsonNode args, String name) {
        JsonNode n = args.path(name);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException("'" + name + "' (a non-empty string) is required");
        }
        return n.asText();
    }

    private static int integer(JsonNode args, String name) {
        JsonNode n = args.path(name);
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.asInt();
        }
        if (n.isTextual() && n.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(n.asText());
        }
        throw new IllegalArgumentException("'" + name + "' (a whole number) is required");
    }
}
