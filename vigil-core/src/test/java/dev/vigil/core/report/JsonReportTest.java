package dev.vigil.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    static ScanResult sample() {
        Location sink = new Location("src/Dao.java", 12, 5, 12, 40, "st.execute(sql);");
        Finding flow = new Finding("java/sql-injection", 89, Severity.HIGH, "query from request", sink, "Dao.run()",
                List.of(new FlowStep(FlowStep.Kind.SOURCE, new Location("src/Web.java", 3, 14, 3, 14,
                                "req.getParameter(\"q\")"), "source: request parameter 'q'"),
                        new FlowStep(FlowStep.Kind.SINK, new Location("src/Dao.java", 12, 5, 12, 5, ""), "sink")),
                null, Map.of("fix", List.of("a", "b")), new Suppression(Suppression.Kind.EXTERNAL, "accepted risk"));
        Finding plain = Finding.of("java/weak-hash", 328, Severity.MEDIUM, "MD5", Location.line("src/H.java", 4),
                "H.h()", List.of());
        return new ScanResult(List.of(flow, plain), List.of(Notification.warning("src/Bad.java", "cannot parse"),
                new Notification(Notification.Level.NOTE, null, 0, "2 analyzers ran")), List.of("src"), 4, 99,
                Instant.parse("2026-03-01T10:00:00Z"), 250, true, Map.of("jobs", 2));
    }

    @Test
    void writesDocumentedFieldNames(@TempDir Path dir) {
        JsonNode root = new JsonReportWriter("0.9.0").toTree(sample(), dir);
        assertEquals("vigil-json", root.path("format").asText());
        assertEquals("0.9.0", root.path("tool").path("version").asText());
        JsonNode f = root.path("findings").path(0);
        for (String field : List.of("ruleId", "cwe", "severity", "message", "location", "enclosingMethod", "flow",
                "fingerprint", "properties", "suppression")) {
            assertTrue(f.has(field), "missing " + field);
        }
        assertEquals("high", f.path("severity").asText());
        assertEquals("source", f.path("flow").path(0).path("kind").asText());
        assertEquals(3, f.path("flow").path(0).path("line").asInt());
        assertEquals("external", f.path("suppression").path("kind").asText());
        assertTrue(root.path("findings").path(1).path("suppression").isNull());
        assertEquals("src/Bad.java", root.path("notifications").path(0).path("file").asText());
    }

    @Test
    void roundTrips(@TempDir Path dir) throws Exception {
        ScanResult original = sample();
        Path file = dir.resolve("report.json");
        new JsonReportWriter("0.9.0").write(original, dir, file);
        JsonReportReader.JsonReport read = JsonReportReader.read(file);
        assertEquals(original.findings(), read.result().findings());
        assertEquals(original.notifications(), read.result().notifications());
        assertEquals(original.startedAt(), read.result().startedAt());
        assertEquals(original.properties(), read.result().properties());
        assertEquals(4, read.result().filesScanned());
        assertEquals("0.9.0", read.toolVersion());
    }

    @Test
    void malformedFindingIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"format": "vigil-json", "formatVersion": 1, "findings": [
                  {"ruleId": "java/x", "severity": "high", "location": {"file": "A.java", "startLine": 1}},
                  {"ruleId": "java/x", "severity": "catastrophic", "location": {"file": "A.java"}}]}
                """);
        InputFileException e = assertThrows(InputFileException.class, () -> JsonReportReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": finding 2 is malformed: unknown severity 'catastrophic'"),
                e.getMessage());

        Files.writeString(file, "{\"findings\": []}");
        e = assertThrows(InputFileException.class, () -> JsonReportReader.read(file));
        assertTrue(e.getMessage().contains("not a Vigil JSON report"), e.getMessage());
    }
}
