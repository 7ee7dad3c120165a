package dev.vigil.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.io.AtomicFiles;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes Vigil's own JSON report (documented in docs/json-format.md). Field names are a public
 * contract: scripts parse them, and {@link JsonReportReader} reads them back for baselines.
 */
public final class JsonReportWriter {

    public static final String FORMAT = "vigil-json";
    public static final int FORMAT_VERSION = 1;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String toolVersion;

    public JsonReportWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void write(ScanResult result, Path baseDirectory, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(result, baseDirectory, out));
    }

    public void write(ScanResult result, Path baseDirectory, OutputStream out) throws IOException {
        out.write(toJson(result, baseDirectory).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public String toJson(ScanResult result, Path baseDirectory) {
        try {
            return JSON.writeValueAsString(toTree(result, baseDirectory)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the JSON report", e);
        }
    }

    public ObjectNode toTree(ScanResult result, Path baseDirectory) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "vigil");
        tool.put("version", toolVersion);
        ObjectNode run = root.putObject("run");
        run.set("roots", JSON.valueToTree(result.roots()));
        if (baseDirectory != null) {
            run.put("baseDirectory", baseDirectory.toAbsolutePath().normalize().toString());
        }
        if (result.startedAt() != null) {
            run.put("startedAt", result.startedAt().toString());
        }
        run.put("durationMillis", result.durationMillis());
        run.put("filesScanned", result.filesScanned());
        run.put("linesScanned", result.linesScanned());
        run.put("successful", result.successful());
        run.set("properties", JSON.valueToTree(result.properties()));
        ArrayNode findings = root.putArray("findings");
        result.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode notifications = root.putArray("notifications");
        for (Notification n : result.notifications()) {
            ObjectNode node = notifications.addObject();
            node.put("level", n.level().sarifLevel());
            if (n.file() == null) {
                node.putNull("file");
            } else {
                node.put("file", n.file());
            }
            node.put("line", n.line());
            node.put("message", n.message());
        }
        return root;
    }

    static ObjectNode finding(Finding f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ruleId", f.ruleId());
        node.put("cwe", f.cwe());
        node.put("severity", f.severity().label());
        node.put("message", f.message());
        node.set("location", location(f.location()));
        node.put("enclosingMethod", f.enclosingMethod());
        ArrayNode flow = node.putArray("flow");
        for (FlowStep step : f.flow()) {
            ObjectNode s = flow.addObject();
            s.put("kind", step.kind().label());
            s.put("file", step.location().file());
            s.put("line", step.location().startLine());
            s.put("column", step.location().startColumn());
            s.put("description", step.description());
            if (!step.location().snippet().isEmpty()) {
                s.put("snippet", step.location().snippet());
            }
        }
        node.put("fingerprint", f.fingerprint());
        node.set("properties", JSON.valueToTree(f.properties()));
        Suppression s = f.suppression();
        if (s == null) {
            node.putNull("suppression");
        } else {
            ObjectNode sup = node.putObject("suppression");
            sup.put("kind", s.kind() == Suppression.Kind.IN_SOURCE ? "inSource" : "external");
            sup.put("justification", s.justification());
        }
        return node;
    }

    private static ObjectNode location(Location l) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", l.file());
        node.put("startLine", l.startLine());
        node.put("startColumn", l.startColumn());
        node.put("endLine", l.endLine());
        node.put("endColumn", l.endColumn());
        node.put("snippet", l.snippet());
        return node;
    }
}
