package dev.vigil.core.sarif;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.io.AtomicFiles;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ScanResult} as SARIF 2.1.0 in the shape GitHub code scanning ingests: every rule of
 * the catalog in {@code tool.driver.rules} (with CWE tags and {@code security-severity}), results with
 * {@code %SRCROOT%}-relative locations, every flow step as a thread flow location, a stable partial
 * fingerprint, suppressions with their justification, and the scan's own problems as
 * {@code toolExecutionNotifications}.
 */
public final class SarifWriter {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";
    public static final String TOOL_NAME = "vigil";
    public static final String INFORMATION_URI = "https://vigil.dev";
    /** The partial fingerprint key; versioned so a future fingerprint scheme can coexist with this one. */
    public static final String FINGERPRINT_KEY = "vigil/v1";
    public static final String SRCROOT = "%SRCROOT%";
    /** Result property carrying Vigil's severity, which SARIF's three levels cannot express. */
    static final String SEVERITY_PROPERTY = "vigil/severity";
    static final String CWE_PROPERTY = "vigil/cwe";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String toolVersion;
    private final RuleCatalog catalog;

    public SarifWriter(String toolVersion, RuleCatalog catalog) {
        this.toolVersion = toolVersion;
        this.catalog = catalog;
    }

    /** Writes the log atomically to {@code target}. */
    public void write(ScanResult result, Path baseDirectory, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(result, baseDirectory, out));
    }

    public void write(ScanResult result, Path baseDirectory, OutputStream out) throws IOException {
        JSON.writeValue(new NonClosingOutputStream(out), toSarif(result, baseDirectory));
        out.write('\n');
        out.flush();
    }

    public String toJson(ScanResult result, Path baseDirectory) {
        try {
            return JSON.writeValueAsString(toSarif(result, baseDirectory)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize SARIF", e);
        }
    }

    /**
     * @param baseDirectory the directory result URIs are relative to (becomes {@code %SRCROOT%}); may be null
     */
    public ObjectNode toSarif(ScanResult result, Path baseDirectory) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", VERSION);
        ObjectNode run = log.putArray("runs").addObject();

        List<Rule> rules = rulesFor(result.findings());
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME);
        driver.put("semanticVersion", toolVersion);
        driver.put("version", toolVersion);
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode ruleArray = driver.putArray("rules");
        rules.forEach(r -> ruleArray.add(rule(r)));

        if (baseDirectory != null) {
            String uri = baseDirectory.toAbsolutePath().normalize().toUri().toString();
            run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", uri.endsWith("/") ? uri : uri + "/");
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", result.successful());
        if (result.startedAt() != null) {
            invocation.put("startTimeUtc", result.startedAt().toString());
            invocation.put("endTimeUtc", result.startedAt().plusMillis(result.durationMillis()).toString());
        }
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        result.notifications().forEach(n -> notifications.add(notification(n)));

        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            results.add(result(f, ruleIndex.get(f.ruleId())));
        }
        run.put("columnKind", "utf16CodeUnits");

        ObjectNode properties = run.putObject("properties");
        properties.set("roots", JSON.valueToTree(result.roots()));
        properties.put("filesScanned", result.filesScanned());
        properties.put("linesScanned", result.linesScanned());
        properties.put("durationMillis", result.durationMillis());
        result.properties().forEach((k, v) -> properties.set(k, JSON.valueToTree(v)));
        return log;
    }

    /**
     * Like {@link #toSarif(ScanResult, Path)}, with each result whose fingerprint has an entry in
     * {@code fixes} carrying it as a SARIF {@code fix} (artifactChanges with replacements).
     */
    public ObjectNode toSarif(ScanResult result, Path baseDirectory, Map<String, SarifFix> fixes) {
        ObjectNode log = toSarif(result, baseDirectory);
        for (com.fasterxml.jackson.databind.JsonNode r : log.path("runs").path(0).path("results")) {
            SarifFix fix = fixes.get(r.path("partialFingerprints").path(FINGERPRINT_KEY).asText());
            if (fix == null) {
                continue;
            }
            ObjectNode f = ((ObjectNode) r).putArray("fixes").addObject();
            f.putObject("description").put("text", fix.description());
            ObjectNode change = f.putArray("artifactChanges").addObject();
            ObjectNode artifact = change.putObject("artifactLocation");
            artifact.put("uri", fix.file());
            if (baseDirectory != null) {
                artifact.put("uriBaseId", SRCROOT);
            }
            ArrayNode replacements = change.putArray("replacements");
            for (SarifFix.Replacement rep : fix.replacements()) {
                ObjectNode node = replacements.addObject();
                ObjectNode region = node.putObject("deletedRegion");
                region.put("startLine", rep.startLine());
                region.put("startColumn", rep.startColumn());
                region.put("endLine", rep.endLine());
                region.put("endColumn", rep.endColumn());
                node.putObject("insertedContent").put("text", rep.insertedText());
            }
        }
        return log;
    }

    /** {@link #toSarif(ScanResult, Path, Map)} as text. */
    public String toJson(ScanResult result, Path baseDirectory, Map<String, SarifFix> fixes) {
        try {
            return JSON.writeValueAsString(toSarif(result, baseDirectory, fixes)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize SARIF", e);
        }
    }

    /** The catalog's rules, plus an entry for any finding whose rule the catalog does not know (read from elsewhere). */
    private List<Rule> rulesFor(List<Finding> findings) {
        List<Rule> rules = new ArrayList<>(catalog.all());
        Map<String, Rule> extra = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!catalog.contains(f.ruleId()) && !extra.containsKey(f.ruleId())) {
                extra.put(f.ruleId(), new Rule(f.ruleId(), f.ruleId(), f.cwe(), f.severity(), f.message(), null, null,
                        List.of()));
            }
        }
        rules.addAll(extra.values());
        return rules;
    }

    private static ObjectNode rule(Rule r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", r.id());
        node.put("name", pascalCase(r.name()));
        node.putObject("shortDescription").put("text", orDefault(r.shortDescription(), r.name()));
        node.putObject("fullDescription").put("text", orDefault(r.fullDescription(), r.name()));
        ObjectNode help = node.putObject("help");
        help.put("text", orDefault(r.help(), orDefault(r.fullDescription(), r.name())));
        help.put("markdown", orDefault(r.help(), orDefault(r.fullDescription(), r.name())));
        node.putObject("defaultConfiguration").put("level", r.severity().sarifLevel());
        ObjectNode props = node.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        if (r.cwe() > 0) {
            tags.add(r.cweTag());
        }
        r.tags().stream().filter(t -> !t.equals("security") && !t.equals(r.cweTag())).forEach(tags::add);
        props.put("security-severity", String.format(Locale.ROOT, "%.1f", r.severity().securitySeverity()));
        props.put("precision", "high");
        props.put("problem.severity", r.severity().sarifLevel().equals("note") ? "recommendation"
                : r.severity().sarifLevel());
        if (r.cwe() > 0) {
            ArrayNode relationships = node.putArray("relationships");
            ObjectNode rel = relationships.addObject();
            ObjectNode target = rel.putObject("target");
            target.put("id", Integer.toString(r.cwe()));
            target.putObject("toolComponent").put("name", "CWE");
            rel.putArray("kinds").add("superset");
        }
        return node;
    }

    /** GitHub shows {@code rule.name} as an identifier; "SQL injection" reads there as "SqlInjection". */
    static String pascalCase(String name) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return sb.isEmpty() ? "Rule" : sb.toString();
    }

    private static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    private static ObjectNode result(Finding f, Integer ruleIndex) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ruleId", f.ruleId());
        if (ruleIndex != null) {
            node.put("ruleIndex", ruleIndex);
        }
        node.put("level", f.severity().sarifLevel());
        node.putObject("message").put("text", f.message().isBlank() ? f.ruleId() : f.message());
        ObjectNode location = node.putArray("locations").addObject();
        location.set("physicalLocation", physicalLocation(f.location(), true));
        if (!f.enclosingMethod().isEmpty()) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", f.enclosingMethod());
            logical.put("kind", "function");
        }
        if (!f.flow().isEmpty()) {
            ArrayNode steps = node.putArray("codeFlows").addObject().putArray("threadFlows").addObject()
                    .putArray("locations");
            for (FlowStep step : f.flow()) {
                ObjectNode tfl = steps.addObject();
                ObjectNode loc = tfl.putObject("location");
                loc.set("physicalLocation", physicalLocation(step.location(), true));
                loc.putObject("message").put("text", step.description().isBlank() ? step.kind().label()
                        : step.description());
                tfl.putArray("kinds").add(step.kind().label());
            }
        }
        node.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        if (f.suppression() != null) {
            ObjectNode s = node.putArray("suppressions").addObject();
            s.put("kind", f.suppression().kind() == Suppression.Kind.IN_SOURCE ? "inSource" : "external");
            s.put("status", "accepted");
            if (!f.suppression().justification().isEmpty()) {
                s.put("justification", f.suppression().justification());
            }
        }
        ObjectNode props = node.putObject("properties");
        props.put(SEVERITY_PROPERTY, f.severity().label());
        if (f.cwe() > 0) {
            props.put(CWE_PROPERTY, f.cwe());
        }
        f.properties().forEach((k, v) -> props.set(k, JSON.valueToTree(v)));
        return node;
    }

    private static ObjectNode physicalLocation(Location l, boolean withRegion) {
        ObjectNode physical = JSON.createObjectNode();
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", relativeUri(l.file()));
        artifact.put("uriBaseId", SRCROOT);
        if (withRegion) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", l.startLine());
            if (l.startColumn() >= 1) {
                region.put("startColumn", l.startColumn());
            }
            region.put("endLine", l.endLine());
            // SARIF's end column is exclusive; an empty or unknown span is left out rather than inverted.
            if (l.startColumn() >= 1 && (l.endLine() > l.startLine() || l.endColumn() > l.startColumn())) {
                region.put("endColumn", l.endColumn());
            }
            if (!l.snippet().isEmpty()) {
                region.putObject("snippet").put("text", l.snippet());
            }
        }
        return physical;
    }

    private static ObjectNode notification(Notification n) {
        ObjectNode node = JSON.createObjectNode();
        node.put("level", n.level().sarifLevel());
        node.putObject("message").put("text", n.message());
        if (n.file() != null && !n.file().isEmpty()) {
            ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", relativeUri(n.file()));
            artifact.put("uriBaseId", SRCROOT);
            if (n.line() > 0) {
                physical.putObject("region").put("startLine", n.line());
            }
        }
        return node;
    }

    /** A relative URI reference for a '/'-separated path: each segment percent-encoded where needed. */
    static String relativeUri(String path) {
        try {
            return new URI(null, null, path, null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot express '" + path + "' as a URI", e);
        }
    }

    /** Jackson closes the stream it writes to; the caller owns {@code System.out}. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
