package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthScorerTest {

    @TempDir
    Path dir;

    private Path truth;

    @BeforeEach
    void twoProjectsWithSarif() throws IOException {
        // shop: the SQL injection the fix changed (OrderDao.java lines 41-47) is reported at line 44
        javaFile("projects/shop/src/main/java/shop/OrderDao.java", 50);
        javaFile("projects/shop/src/main/java/shop/Web.java", 25);
        sarif("results/shop.sarif", "Scanner X",
                result("file:///build/projects/shop/src/main/java/shop/OrderDao.java", 44, "sql", "CWE-89"),
                result("src/main/java/shop/Web.java", 10, "xss", "CWE-79"),
                result("src/main/java/shop/Web.java", 12, "xss", "CWE-79"));
        // files: the path traversal is reported, but outside the changed lines, and with the wrong CWE inside them
        javaFile("projects/files/src/Upload.java", 30);
        sarif("results/files.sarif", "Scanner X",
                result("src/Upload.java", 5, "path", "CWE-22"),
                result("src/Upload.java", 20, "log", "CWE-117"));
        truth = dir.resolve("truth.json");
        Files.writeString(truth, """
                {"entries": [
                  {"id": "SHOP-1", "project": "projects/shop", "cwe": [89, "CWE-564"], "sarif": "results/shop.sarif",
                   "changes": [{"file": "src/main/java/shop/OrderDao.java", "lines": [[41, 47], 60]}]},
                  {"id": "FILES-1", "project": "projects/files", "cwe": 22, "sarif": "results/files.sarif",
                   "changes": [{"file": "./src/Upload.java", "lines": [[18, 22]]}]},
                  {"id": "GONE-1", "project": "projects/gone", "cwe": 78, "sarif": "results/gone.sarif",
                   "changes": [{"file": "src/Run.java"}]}
                ]}
                """);
    }

    @Test
    void detectsOnlyResultsInChangedRegionsWithTheEntryCwe() throws Exception {
        List<TruthEntry> entries = TruthFile.read(truth);
        TruthReport report = new TruthScorer(CweEquivalence.none(), null).score("truth.json", entries);

        TruthOutcome shop = report.outcomes().get(0);
        assertTrue(shop.detected());
        assertEquals(List.of("sql /build/projects/shop/src/main/java/shop/OrderDao.java:44"), shop.hits());
        assertEquals(3, shop.alarms());
        assertEquals(75, shop.javaLines());
        assertEquals(40.0, shop.alarmsPerKloc(), 1e-9);
        assertEquals(-1, shop.durationMillis());

        TruthOutcome files = report.outcomes().get(1);
        assertFalse(files.detected());
        assertNull(files.error());

        TruthOutcome gone = report.outcomes().get(2);
        assertFalse(gone.detected());
        assertTrue(gone.error().contains("project directory") && gone.error().endsWith("gone not found"), gone.error());

        assertEquals("Scanner X", report.tool());
        assertEquals(1, report.detected());
        assertEquals(1.0 / 3, report.detectionRate(), 1e-12);
        assertEquals(5, report.alarms());
        assertEquals(105, report.javaLines());
        assertEquals(5 * 1000.0 / 105, report.alarmsPerKloc(), 1e-9);
        assertEquals(1, report.errors());
    }

    @Test
    void equivalenceAndInProcessScanner() throws Exception {
        Files.writeString(truth, """
                {"entries": [{"id": "FILES-2", "project": "projects/files", "cwe": 23,
                              "changes": [{"file": "src/Upload.java", "lines": [5]}]}]}
                """);
        List<TruthEntry> entries = TruthFile.read(truth);
        // the "scanner" here reads the project's SARIF: a real component standing in for the scan pipeline
        ProjectScanner scanner = project -> SarifResults.read(dir.resolve("results/files.sarif"));

        assertFalse(new TruthScorer(CweEquivalence.none(), scanner).score("t", entries).outcomes().get(0).detected());
        TruthReport report = new TruthScorer(CweEquivalence.parse(List.of("22=23")), scanner).score("t", entries);
        TruthOutcome o = report.outcomes().get(0);
        assertTrue(o.detected());
        assertTrue(o.durationMillis() >= 0, "in-process scans are timed");

        TruthReport noScanner = new TruthScorer(CweEquivalence.none(), null).score("t", entries);
        assertEquals("no \"sarif\" given and in-process scanning is not available", noScanner.outcomes().get(0).error());

        ProjectScanner broken = project -> {
            throw new IOException("disk on fire");
        };
        assertEquals("scan failed: disk on fire",
                new TruthScorer(CweEquivalence.none(), broken).score("t", entries).outcomes().get(0).error());
    }

    @Test
    void rendersAllFormats() throws Exception {
        TruthReport report = new TruthScorer(CweEquivalence.none(), null).score("truth.json", TruthFile.read(truth));

        JsonNode json = new ObjectMapper().readTree(TruthReports.render(report, ReportFormat.JSON));
        assertEquals(3, json.path("overall").path("entries").asInt());
        assertEquals(1.0 / 3, json.path("overall").path("detectionRate").asDouble(), 1e-12);
        assertTrue(json.path("entries").path(0).path("durationMillis").isNull());
        assertEquals(List.of(89, 564), List.of(json.path("entries").path(0).path("cwes").path(0).asInt(),
                json.path("entries").path(0).path("cwes").path(1).asInt()));

        String text = TruthReports.render(report, ReportFormat.TEXT);
        assertTrue(text.contains("Detected 1 of 3 (33.33%); 5 alarms in 105 lines of Java = 47.62 per 1000 lines"), text);
        assertTrue(text.contains("1 entry could not be evaluated"), text);

        String html = TruthReports.render(report, ReportFormat.HTML);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertTrue(TruthReports.render(report, ReportFormat.MARKDOWN).contains("| SHOP-1 | 89,564 | yes |"));
    }

    @Test
    void truthFileProblemsAreAllReported() throws IOException {
        Files.writeString(truth, """
                {"entries": [
                  {"id": "A", "cwe": "sql", "changes": []},
                  {"id": "A", "project": "p", "cwe": [89], "changes": [{"lines": [1]}, {"file": "X.java", "lines": [[9, 3], "x"]}]},
                  3
                ]}
                """);
        BenchInputException e = assertThrows(BenchInputException.class, () -> TruthFile.read(truth));
        String t = truth.toString();
        assertEquals(List.of(
                t + ": entry A: missing \"project\" (the project directory)",
                t + ": entry A: \"cwe\" value \"sql\" is not a CWE number",
                t + ": entry A: missing \"changes\" (the files the fix changed)",
                t + ": entry A: duplicate id",
                t + ": entry A: a change without \"file\"",
                t + ": entry A: X.java: invalid line range 9-3",
                t + ": entry A: X.java: line range \"x\" must be [first, last] or a line number",
                t + ": entry #3 is not an object"), e.problems());

        Files.writeString(truth, "[]");
        assertThrows(BenchInputException.class, () -> TruthFile.read(truth));
        Files.writeString(truth, "{\"entries\": [");
        BenchInputException json = assertThrows(BenchInputException.class, () -> TruthFile.read(truth));
        assertTrue(json.getMessage().contains("not valid JSON"), json.getMessage());
    }

    @Test
    void countsJavaLinesLikeWc() throws IOException {
        Path f = dir.resolve("c/A.java");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "a\nb\nc");
        Files.writeString(dir.resolve("c/B.java"), "a\r\nb\r\n");
        Files.writeString(dir.resolve("c/notes.txt"), "x\ny\n");
        Files.writeString(dir.resolve("c/Empty.java"), "");
        assertEquals(5, JavaLines.count(dir.resolve("c")));
    }

    private void javaFile(String rel, int lines) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "// line\n".repeat(lines));
    }

    private void sarif(String rel, String tool, String... results) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"" + tool
                + "\"}}, \"results\": [" + String.join(",", results) + "]}]}");
    }

    private static String result(String uri, int line, String rule, String cwe) {
        return "{\"ruleId\": \"" + rule + "\", \"properties\": {\"tags\": [\"" + cwe + "\"]}, \"locations\": [{\"physicalLocation\": "
                + "{\"artifactLocation\": {\"uri\": \"" + uri + "\"}, \"region\": {\"startLine\": " + line + "}}}]}";
    }
}
