package dev.vigil.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.io.JsonFiles;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a report written by {@link JsonReportWriter}; errors name the file and the finding at fault. */
public final class JsonReportReader {

    /** A report read back: the scan result and the tool version that wrote it. */
    public record JsonReport(ScanResult result, String toolVersion, String baseDirectory) {
    }

    private JsonReportReader() {
    }

    public static JsonReport read(Path file) throws InputFileException {
        return read(JsonFiles.read(file), file.toString());
    }

    public static boolean isVigilJson(JsonNode root) {
        return root.isObject() && JsonReportWriter.FORMAT.equals(root.path("format").asText())
                && root.path("findings").isArray();
    }

    public static JsonReport read(JsonNode root, String sourceName) throws InputFileException {
        if (!isVigilJson(root)) {
            throw new InputFileException(sourceName, "not a Vigil JSON report (expected \"format\": \""
                    + JsonReportWriter.FORMAT + "\" and a \"findings\" array)");
        }
        int version = root.path("formatVersion").asInt(0);
        if (version > JsonReportWriter.FORMAT_VERSION) {
            throw new InputFileException(sourceName, "written by a newer Vigil (format version " + version
                    + "); this version reads up to " + JsonReportWriter.FORMAT_VERSION);
        }
        List<Finding> findings = new ArrayList<>();
        JsonNode array = root.path("findings");
        for (int i = 0; i < array.size(); i++) {
            try {
                findings.add(finding(array.get(i)));
            } catch (RuntimeException e) {
                throw new InputFileException(sourceName, "finding " + (i + 1) + " is malformed: " + e.getMessage(), e);
            }
        }
        List<Notification> notifications = new ArrayList<>();
        for (JsonNode n : root.path("notifications")) {
            Notification.Level level = switch (n.path("level").asText("warning")) {
                case "error" -> Notification.Level.ERROR;
                case "note" -> Notification.Level.NOTE;
                default -> Notification.Level.WARNING;
            };
            String file = n.path("file").isTextual() ? n.path("file").asText() : null;
            notifications.add(new Notification(level, file, n.path("line").asInt(0), n.path("message").asText("")));
        }
        JsonNode run = root.path("run");
        List<String> roots = new ArrayList<>();
        run.path("roots").forEach(r -> roots.add(r.asText()));
        Instant started = null;
        if (run.path("startedAt").isTextual()) {
            try {
                started = Instant.parse(run.path("startedAt").asText());
            } catch (DateTimeParseException e) {
                throw new InputFileException(sourceName, "run.startedAt is not an ISO-8601 instant", e);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = run.path("properties").isObject()
                ? JsonReportWriter.JSON.convertValue(run.path("properties"), Map.class) : Map.of();
        ScanResult result = new ScanResult(findings, notifications, roots, run.path("filesScanned").asInt(0),
                run.path("linesScanned").asLong(0), started, run.path("durationMillis").asLong(0),
                run.path("successful").asBoolean(true), properties);
        return new JsonReport(result, root.path("tool").path("version").asText(""),
                run.path("baseDirectory").asText(null));
    }

    @SuppressWarnings("unchecked")
    static Finding finding(JsonNode node) {
        String ruleId = required(node, "ruleId");
        Severity severity = Severity.parse(required(node, "severity"));
        JsonNode loc = node.path("location");
        if (!loc.isObject()) {
            throw new IllegalArgumentException("missing 'location'");
        }
        Location location = new Location(required(loc, "file"), loc.path("startLine").asInt(1),
                loc.path("startColumn").asInt(1), loc.path("endLine").asInt(0), loc.path("endColumn").asInt(0),
                loc.path("snippet").asText(""));
        List<FlowStep> flow = new ArrayList<>();
        for (JsonNode s : node.path("flow")) {
            String kindText = required(s, "kind");
            FlowStep.Kind kind = switch (kindText) {
                case "source" -> FlowStep.Kind.SOURCE;
                case "step" -> FlowStep.Kind.STEP;
                case "sink" -> FlowStep.Kind.SINK;
                default -> throw new IllegalArgumentException(
                        "unknown flow step kind '" + kindText + "' (expected source, step or sink)");
            };
            int line = s.path("line").asInt(1);
            int column = s.path("column").asInt(1);
            flow.add(new FlowStep(kind, new Location(required(s, "file"), line, column, line, column,
                    s.path("snippet").asText("")), s.path("description").asText("")));
        }
        Suppression suppression = null;
        JsonNode sup = node.path("suppression");
        if (sup.isObject()) {
            suppression = new Suppression(sup.path("kind").asText("").equals("inSource")
                    ? Suppression.Kind.IN_SOURCE : Suppression.Kind.EXTERNAL, sup.path("justification").asText(""));
        }
        Map<String, Object> properties = node.path("properties").isObject()
                ? JsonReportWriter.JSON.convertValue(node.path("properties"), Map.class) : Map.of();
        return new Finding(ruleId, node.path("cwe").asInt(0), severity, node.path("message").asText(""), location,
                node.path("enclosingMethod").asText(""), flow, node.path("fingerprint").asText(null), properties,
                suppression);
    }

    private static String required(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return v.asText();
    }
}
