package dev.vigil.core.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {

    static final Rule SQL = new Rule("java/sql-injection", "SQL injection", 89, Severity.HIGH,
            "SQL query built from user input", "Building SQL from request data lets an attacker change the query.",
            "Use a `PreparedStatement` with `?` parameters.", List.of("injection"));
    static final Rule HASH = new Rule("java/weak-hash", "Weak hash", 328, Severity.MEDIUM,
            "Weak hash algorithm", null, "Use SHA-256.", List.of());

    static ScanResult sampleResult() {
        Location sink = new Location("src/main/java/com/acme/User Dao.java", 42, 9, 42, 48,
                "stmt.executeQuery(\"SELECT * FROM u WHERE id=\" + id);");
        Finding sql = new Finding("java/sql-injection", 89, Severity.HIGH, "SQL query built from request parameter 'id'",
                sink, "com.acme.UserDao.find(String)",
                List.of(new FlowStep(FlowStep.Kind.SOURCE, new Location("src/main/java/com/acme/Web.java", 20, 21, 20,
                                40, "req.getParameter(\"id\")"), "source: request parameter 'id'"),
                        new FlowStep(FlowStep.Kind.STEP, Location.line("src/main/java/com/acme/Web.java", 21),
                                "flows into UserDao.find"),
                        new FlowStep(FlowStep.Kind.SINK, sink, "sink: Statement.executeQuery")),
                null, Map.of("triage", Map.of("verdict", "true-positive", "confidence", 0.9)), null);
        Finding hash = Finding.of("java/weak-hash", 328, Severity.MEDIUM, "MD5 is broken",
                new Location("src/main/java/com/acme/Crypto.java", 7, 30, 7, 60, "MessageDigest.getInstance(\"MD5\")"),
                "com.acme.Crypto.digest()", List.of())
                .withSuppression(new Suppression(Suppression.Kind.IN_SOURCE, "legacy checksum, not security"));
        Finding foreign = Finding.of("other/rule", 0, Severity.LOW, "from another tool", Location.line("README.properties", 3), "",
                List.of());
        return new ScanResult(List.of(sql, hash, foreign),
                List.of(Notification.warning("src/Broken.java", "cannot parse: ';' expected"),
                        new Notification(Notification.Level.ERROR, null, 0, "analyzer failed")),
                List.of("src"), 12, 3400, Instant.parse("2026-01-02T03:04:05Z"), 1500, true,
                Map.of("model", "none"));
    }

    final SarifWriter writer = new SarifWriter("1.2.3", new RuleCatalog(List.of(SQL, HASH)));

    @Test
    void outputIsValidAgainstTheOfficialSchema(@TempDir Path dir) {
        JsonNode sarif = writer.toSarif(sampleResult(), dir);
        assertEquals(List.of(), SarifSchema.violations(sarif));
    }

    @Test
    void emptyScanIsValidToo() {
        ScanResult empty = new ScanResult(List.of(), List.of(), List.of("."), 0, 0, Instant.now(), 3, true, Map.of());
        assertEquals(List.of(), SarifSchema.violations(writer.toSarif(empty, null)));
    }

    @Test
    void carriesWhatGithubCodeScanningNeeds(@TempDir Path dir) {
        JsonNode run = writer.toSarif(sampleResult(), dir).path("runs").path(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("vigil", driver.path("name").asText());
        assertEquals("1.2.3", driver.path("version").asText());
        JsonNode sqlRule = driver.path("rules").path(0);
        assertEquals("java/sql-injection", sqlRule.path("id").asText());
        assertEquals("SQLInjection", sqlRule.path("name").asText());
        assertEquals("8.0", sqlRule.path("properties").path("security-severity").asText());
        assertTrue(sqlRule.path("properties").path("security-severity").isTextual());
        List<String> tags = new java.util.ArrayList<>();
        sqlRule.path("properties").path("tags").forEach(t -> tags.add(t.asText()));
        assertTrue(tags.containsAll(List.of("security", "external/cwe/cwe-89", "injection")), tags.toString());
        assertEquals("Use a `PreparedStatement` with `?` parameters.", sqlRule.path("help").path("markdown").asText());

        JsonNode result = run.path("results").path(0);
        assertEquals(0, result.path("ruleIndex").asInt());
        assertEquals("error", result.path("level").asText());
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        assertEquals("src/main/java/com/acme/User%20Dao.java", physical.path("artifactLocation").path("uri").asText());
        assertEquals("%SRCROOT%", physical.path("artifactLocation").path("uriBaseId").asText());
        assertEquals(42, physical.path("region").path("startLine").asInt());
        assertEquals(48, physical.path("region").path("endColumn").asInt());
        assertEquals(3, result.path("codeFlows").path(0).path("threadFlows").path(0).path("locations").size());
        assertFalse(result.path("partialFingerprints").path("vigil/v1").asText().isEmpty());
        assertFalse(result.path("partialFingerprints").has("primaryLocationLineHash"));
        assertTrue(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText().endsWith("/"));

        JsonNode suppressed = run.path("results").path(1);
        assertEquals("inSource", suppressed.path("suppressions").path(0).path("kind").asText());
        assertEquals("legacy checksum, not security",
                suppressed.path("suppressions").path(0).path("justification").asText());
        // a rule the catalog does not know still gets a descriptor, so ruleIndex stays valid
        assertEquals("other/rule", driver.path("rules").path(run.path("results").path(2).path("ruleIndex").asInt())
                .path("id").asText());

        JsonNode invocation = run.path("invocations").path(0);
        assertTrue(invocation.path("executionSuccessful").asBoolean());
        assertEquals("2026-01-02T03:04:05Z", invocation.path("startTimeUtc").asText());
        assertEquals("2026-01-02T03:04:06.500Z", invocation.path("endTimeUtc").asText());
        JsonNode note = invocation.path("toolExecutionNotifications").path(0);
        assertEquals("src/Broken.java", note.path("locations").path(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText());
    }

    @Test
    void roundTripsThroughTheReader(@TempDir Path dir) throws Exception {
        ScanResult original = sampleResult();
        Path file = dir.resolve("out/vigil.sarif");
        writer.write(original, dir, file);
        SarifReader.SarifLog log = SarifReader.read(file);
        assertEquals(original.findings(), log.findings());
        assertEquals(original.notifications(), log.notifications());
        assertEquals(89, log.rules().get(0).cwe());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void readsAnotherToolsSarif(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.sarif");
        Files.writeString(file, """
                {"version": "2.1.0", "runs": [{
                  "tool": {"driver": {"name": "other", "rules": [
                    {"id": "sqli", "properties": {"tags": ["security", "CWE-89"], "security-severity": "9.1"}},
                    {"id": "xss", "relationships": [{"target": {"id": "79", "toolComponent": {"name": "CWE"}}}],
                     "defaultConfiguration": {"level": "warning"}}]}},
                  "results": [
                    {"ruleId": "sqli", "message": {"text": "injection"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/A.java"},
                                                         "region": {"startLine": 5}}}],
                     "codeFlows": [{"threadFlows": [{"locations": [
                        {"location": {"physicalLocation": {"artifactLocation": {"uri": "src/A.java"}, "region": {"startLine": 2}}}},
                        {"location": {"physicalLocation": {"artifactLocation": {"uri": "src/A.java"}, "region": {"startLine": 5}}}}]}]}],
                     "partialFingerprints": {"primaryLocationLineHash": "abc:1"}},
                    {"ruleIndex": 1, "level": "note", "message": {"text": "xss"},
                     "suppressions": [{"kind": "external", "status": "rejected"}]}
                  ]}]}
                """);
        List<Finding> findings = SarifReader.read(file).findings();
        Finding sqli = findings.get(0);
        assertEquals(89, sqli.cwe());
        assertEquals(Severity.CRITICAL, sqli.severity());
        assertEquals("src/A.java", sqli.location().file());
        assertEquals(FlowStep.Kind.SOURCE, sqli.flow().get(0).kind());
        assertEquals(FlowStep.Kind.SINK, sqli.flow().get(1).kind());
        assertEquals("primaryLocationLineHash:abc:1", sqli.fingerprint());
        Finding xss = findings.get(1);
        assertEquals("xss", xss.ruleId());
        assertEquals(79, xss.cwe());
        assertEquals(Severity.LOW, xss.severity());
        assertNull(xss.suppression(), "a rejected suppression does not suppress");
    }

    @Test
    void findsRulesInToolExtensionsAsCodeqlWritesThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("codeql.sarif");
        Files.writeString(file, """
                {"version": "2.1.0", "runs": [{
                  "tool": {"driver": {"name": "CodeQL"}, "extensions": [
                    {"name": "codeql/java-queries", "rules": [
                      {"id": "java/xss", "properties": {"tags": ["security", "external/cwe/cwe-079"],
                                                       "security-severity": "6.1"}},
                      {"id": "java/sql-injection", "properties": {"tags": ["external/cwe/cwe-089"],
                                                                  "security-severity": "8.8"}}]}]},
                  "results": [{"ruleId": "java/sql-injection",
                               "rule": {"id": "java/sql-injection", "index": 1, "toolComponent": {"index": 0}},
                               "message": {"text": "This query depends on a user-provided value."},
                               "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/Dao.java"},
                                                                   "region": {"startLine": 9, "startColumn": 5,
                                                                              "endColumn": 30}}}]}]}]}
                """);
        Finding f = SarifReader.read(file).findings().get(0);
        assertEquals("java/sql-injection", f.ruleId());
        assertEquals(89, f.cwe());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(new Location("src/Dao.java", 9, 5, 9, 30, ""), f.location());
    }

    @Test
    void malformedInputNamesTheFile(@TempDir Path dir) throws Exception {
        Path notJson = dir.resolve("broken.sarif");
        Files.writeString(notJson, "{\"version\": \"2.1.0\", \"runs\": [");
        InputFileException e = assertThrows(InputFileException.class, () -> SarifReader.read(notJson));
        assertTrue(e.getMessage().startsWith(notJson.toString() + ": not valid JSON"), e.getMessage());

        Path noRule = dir.resolve("norule.sarif");
        Files.writeString(noRule, "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"message\": {\"text\": \"x\"}}]}]}");
        e = assertThrows(InputFileException.class, () -> SarifReader.read(noRule));
        assertTrue(e.getMessage().contains("result 1 is malformed: no ruleId"), e.getMessage());

        e = assertThrows(InputFileException.class, () -> SarifReader.read(dir.resolve("missing.sarif")));
        assertTrue(e.getMessage().endsWith("missing.sarif: no such file"), e.getMessage());
    }
}
