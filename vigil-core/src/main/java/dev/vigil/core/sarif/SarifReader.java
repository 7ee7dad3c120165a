package dev.vigil.core.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.io.JsonFiles;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.scan.Notification;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SARIF 2.1.0 (Vigil's own or another tool's) back into findings: for baselines, and for triage,
 * fix and bench commands that take earlier results as input. Fields other tools leave out get
 * defaults (severity from the SARIF level, a fingerprint computed from the location) rather than
 * failing the read.
 */
public final class SarifReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CWE = Pattern.compile("(?i)cwe[-/]?(\\d+)");

    /** Everything read from one SARIF log, all runs together. */
    public record SarifLog(List<Finding> findings, List<Notification> notifications, List<Rule> rules) {
        public SarifLog {
            findings = List.copyOf(findings);
            notifications = List.copyOf(notifications);
            rules = List.copyOf(rules);
        }
    }

    private SarifReader() {
    }

    public static SarifLog read(Path file) throws InputFileException {
        return read(JsonFiles.read(file), file.toString());
    }

    /** True when the document looks like SARIF (so a baseline can tell SARIF from Vigil JSON). */
    public static boolean isSarif(JsonNode root) {
        return root.isObject() && root.path("runs").isArray()
                && (root.has("version") || root.path("$schema").asText("").contains("sarif"));
    }

    public static SarifLog read(JsonNode root, String sourceName) throws InputFileException {
        if (!isSarif(root)) {
            throw new InputFileException(sourceName, "not a SARIF log (no 'version' and 'runs')");
        }
        List<Finding> findings = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        List<Rule> allRules = new ArrayList<>();
        int runNumber = 0;
        for (JsonNode run : root.path("runs")) {
            runNumber++;
            // Rules live in the driver, or (CodeQL) in extensions that results point to by index.
            List<List<JsonNode>> components = new ArrayList<>();
            components.add(new ArrayList<>());
            run.path("tool").path("driver").path("rules").forEach(components.get(0)::add);
            for (JsonNode extension : run.path("tool").path("extensions")) {
                List<JsonNode> rules = new ArrayList<>();
                extension.path("rules").forEach(rules::add);
                components.add(rules);
            }
            Map<String, JsonNode> rulesById = new HashMap<>();
            for (List<JsonNode> component : components) {
                for (JsonNode r : component) {
                    rulesById.putIfAbsent(r.path("id").asText(), r);
                    allRules.add(rule(r));
                }
            }
            int resultNumber = 0;
            for (JsonNode result : run.path("results")) {
                resultNumber++;
                try {
                    findings.add(finding(result, components, rulesById));
                } catch (RuntimeException e) {
                    throw new InputFileException(sourceName, "run " + runNumber + ", result " + resultNumber
                            + " is malformed: " + e.getMessage(), e);
                }
            }
            for (JsonNode invocation : run.path("invocations")) {
                for (JsonNode n : invocation.path("toolExecutionNotifications")) {
                    notifications.add(notification(n));
                }
            }
        }
        return new SarifLog(findings, notifications, allRules);
    }

    private static Finding finding(JsonNode result, List<List<JsonNode>> components, Map<String, JsonNode> rulesById) {
        JsonNode rule = null;
        String ruleId = text(result.path("ruleId"));
        if (ruleId == null) {
            ruleId = text(result.path("rule").path("id"));
        }
        int index = result.path("ruleIndex").asInt(result.path("rule").path("index").asInt(-1));
        // toolComponent.index counts tool.extensions; without it, the index is into the driver's rules.
        JsonNode component = result.path("rule").path("toolComponent").path("index");
        List<JsonNode> ruleNodes = component.isInt() && component.asInt() + 1 < components.size()
                ? components.get(component.asInt() + 1) : components.get(0);
        if (index >= 0 && index < ruleNodes.size()) {
            rule = ruleNodes.get(index);
        } else if (ruleId != null) {
            rule = rulesById.get(ruleId);
        }
        if (ruleId == null && rule != null) {
            ruleId = text(rule.path("id"));
        }
        if (ruleId == null) {
            throw new IllegalArgumentException("no ruleId");
        }
        JsonNode props = result.path("properties");
        Severity severity = severity(result, rule);
        int cwe = props.path(SarifWriter.CWE_PROPERTY).asInt(0);
        if (cwe == 0 && rule != null) {
            cwe = cweOfRule(rule);
        }
        String message = result.path("message").path("text").asText("");
        JsonNode firstLocation = result.path("locations").path(0);
        Location location = location(firstLocation.path("physicalLocation"));
        String method = firstLocation.path("logicalLocations").path(0).path("fullyQualifiedName").asText("");

        List<FlowStep> flow = new ArrayList<>();
        JsonNode steps = result.path("codeFlows").path(0).path("threadFlows").path(0).path("locations");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode tfl = steps.get(i);
            JsonNode loc = tfl.path("location");
            FlowStep.Kind kind = kind(tfl.path("kinds"), i, steps.size());
            flow.add(new FlowStep(kind, location(loc.path("physicalLocation")), loc.path("message").path("text")
                    .asText("")));
        }
        String fingerprint = fingerprint(result);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            if (!e.getKey().equals(SarifWriter.SEVERITY_PROPERTY) && !e.getKey().equals(SarifWriter.CWE_PROPERTY)) {
                properties.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        }
        return new Finding(ruleId, cwe, severity, message, location, method, flow, fingerprint, properties,
                suppression(result.path("suppressions")));
    }

    private static Severity severity(JsonNode result, JsonNode rule) {
        String own = text(result.path("properties").path(SarifWriter.SEVERITY_PROPERTY));
        if (own != null) {
            try {
                return Severity.parse(own);
            } catch (IllegalArgumentException e) {
                // another tool's property of the same name: fall through to the standard fields
            }
        }
        if (rule != null) {
            String score = text(rule.path("properties").path("security-severity"));
            if (score != null) {
                try {
                    return fromScore(Double.parseDouble(score));
                } catch (NumberFormatException e) {
                    // not a number: use the level
                }
            }
        }
        String level = text(result.path("level"));
        if (level == null && rule != null) {
            level = text(rule.path("defaultConfiguration").path("level"));
        }
        return switch (level == null ? "warning" : level) {
            case "error" -> Severity.HIGH;
            case "note" -> Severity.LOW;
            case "none" -> Severity.NOTE;
            default -> Severity.MEDIUM;
        };
    }

    /** GitHub's bands: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low. */
    static Severity fromScore(double score) {
        if (score >= 9.0) {
            return Severity.CRITICAL;
        }
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        if (score >= 4.0) {
            return Severity.MEDIUM;
        }
        return score > 0 ? Severity.LOW : Severity.NOTE;
    }

    /** CWE from the rule's tags ("external/cwe/cwe-89"), CWE relationships, or a "cwe" property. */
    static int cweOfRule(JsonNode rule) {
        for (JsonNode tag : rule.path("properties").path("tags")) {
            Matcher m = CWE.matcher(tag.asText());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        for (JsonNode rel : rule.path("relationships")) {
            JsonNode target = rel.path("target");
            if (target.path("toolComponent").path("name").asText("").equalsIgnoreCase("CWE")) {
                Matcher m = Pattern.compile("(\\d+)").matcher(target.path("id").asText(""));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        JsonNode cwe = rule.path("properties").path("cwe");
        JsonNode first = cwe.isArray() ? cwe.path(0) : cwe;
        if (first.isInt()) {
            return first.asInt();
        }
        Matcher m = CWE.matcher(first.asText(""));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static Location location(JsonNode physical) {
        String uri = text(physical.path("artifactLocation").path("uri"));
        String file = uri == null ? "" : path(uri);
        JsonNode region = physical.path("region");
        int startLine = Math.max(1, region.path("startLine").asInt(1));
        int startColumn = region.path("startColumn").asInt(1);
        int endLine = region.path("endLine").asInt(startLine);
        int endColumn = region.path("endColumn").asInt(startColumn);
        String snippet = region.path("snippet").path("text").asText("");
        return new Location(file, startLine, startColumn, endLine, endColumn, snippet);
    }

    /** A relative URI back to a '/'-separated path; an absolute file URI to its path. */
    static String path(String uri) {
        try {
            URI u = new URI(uri);
            String p = u.getPath();
            if (p == null) {
                return uri;
            }
            return u.isAbsolute() && p.startsWith("/") && !u.getScheme().equals("file") ? uri : p;
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static FlowStep.Kind kind(JsonNode kinds, int index, int count) {
        for (JsonNode k : kinds) {
            switch (k.asText()) {
                case "source" -> {
                    return FlowStep.Kind.SOURCE;
                }
                case "sink" -> {
                    return FlowStep.Kind.SINK;
                }
                case "step" -> {
                    return FlowStep.Kind.STEP;
                }
                default -> {
                }
            }
        }
        // Other tools rarely label steps: a path runs from its source to its sink.
        if (index == 0) {
            return FlowStep.Kind.SOURCE;
        }
        return index == count - 1 ? FlowStep.Kind.SINK : FlowStep.Kind.STEP;
    }

    private static String fingerprint(JsonNode result) {
        String own = text(result.path("partialFingerprints").path(SarifWriter.FINGERPRINT_KEY));
        if (own != null) {
            return own;
        }
        for (String field : List.of("fingerprints", "partialFingerprints")) {
            var first = result.path(field).properties().stream().findFirst(); // the tool's main one
            if (first.isPresent()) {
                return first.get().getKey() + ":" + first.get().getValue().asText();
            }
        }
        return null; // Finding computes one from rule, file, method and snippet
    }

    private static Suppression suppression(JsonNode suppressions) {
        for (JsonNode s : suppressions) {
            String status = s.path("status").asText("accepted");
            if (status.equals("rejected")) {
                continue;
            }
            Suppression.Kind kind = s.path("kind").asText("").equals("inSource")
                    ? Suppression.Kind.IN_SOURCE : Suppression.Kind.EXTERNAL;
            return new Suppression(kind, s.path("justification").asText(""));
        }
        return null;
    }

    private static Notification notification(JsonNode n) {
        Notification.Level level = switch (n.path("level").asText("warning")) {
            case "error" -> Notification.Level.ERROR;
            case "note", "none" -> Notification.Level.NOTE;
            default -> Notification.Level.WARNING;
        };
        JsonNode physical = n.path("locations").path(0).path("physicalLocation");
        String uri = text(physical.path("artifactLocation").path("uri"));
        return new Notification(level, uri == null ? null : path(uri), physical.path("region").path("startLine")
                .asInt(0), n.path("message").path("text").asText(""));
    }

    private static Rule rule(JsonNode r) {
        String id = r.path("id").asText("");
        Severity severity;
        String score = text(r.path("properties").path("security-severity"));
        Severity fromLevel = switch (r.path("defaultConfiguration").path("level").asText("warning")) {
            case "error" -> Severity.HIGH;
            case "note" -> Severity.LOW;
            case "none" -> Severity.NOTE;
            default -> Severity.MEDIUM;
        };
        try {
            severity = score == null ? fromLevel : fromScore(Double.parseDouble(score));
        } catch (NumberFormatException e) {
            severity = fromLevel;
        }
        List<String> tags = new ArrayList<>();
        r.path("properties").path("tags").forEach(t -> tags.add(t.asText()));
        String help = text(r.path("help").path("markdown"));
        return new Rule(id, text(r.path("name")), cweOfRule(r), severity,
                text(r.path("shortDescription").path("text")), text(r.path("fullDescription").path("text")),
                help == null ? text(r.path("help").path("text")) : help, tags);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
