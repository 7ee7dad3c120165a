package dev.vigil.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    @TempDir
    Path dir;

    private Path csv;
    private Path toolA;
    private Path toolB;
    private String out;
    private String err;

    @BeforeEach
    void fixtures() throws IOException {
        csv = write("expected.csv", """
                # test name, category, real vulnerability, cwe
                LoginQuery01,sqli,true,89
                LoginQuery02,sqli,false,89
                Digest01,hash,true,328
                Digest02,hash,false,328
                """);
        // tool A: CWE in rule tags, results point at rules by index
        toolA = write("a.sarif", """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Alpha", "rules": [
                   {"id": "sqli", "properties": {"tags": ["external/cwe/cwe-089"]}},
                   {"id": "md5", "properties": {"tags": ["external/cwe/cwe-327"]}}]}},
                 "results": [
                   {"ruleId": "sqli", "ruleIndex": 0, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/LoginQuery01.java"}, "region": {"startLine": 9}}}]},
                   {"ruleId": "md5", "ruleIndex": 1, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/Digest01.java"}, "region": {"startLine": 5}}}]}
                 ]}]}
                """);
        // tool B: CWE only on the result, absolute Windows file URIs
        toolB = write("b.sarif", """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Beta"}},
                 "results": [
                   {"ruleId": "r1", "properties": {"cwe": "CWE-89"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///C:/b/LoginQuery02.java"}}}]},
                   {"ruleId": "r2", "properties": {"cwe": 328}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///C:/b/Digest01.java"}}}]}
                 ]}]}
                """);
    }

    @Test
    void scoresTwoToolsSideBySideAsText() {
        assertEquals(0, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(), "--sarif", toolB.toString()));
        assertTrue(out.lines().anyMatch(l -> l.matches("Category \\(CWE\\)\\s+Alpha score \\(TPR/FPR\\)\\s+Beta score \\(TPR/FPR\\)")), out);
        // Alpha: sqli TP+TN, hash FN (327 is not 328) + TN; Beta: sqli FN+FP, hash TP+TN
        assertTrue(out.lines().anyMatch(l -> l.matches("Alpha\\s+50\\.00%\\s+0\\.00%\\s+50\\.00%.*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("Beta\\s+50\\.00%\\s+50\\.00%\\s+0\\.00%.*")), out);
        assertEquals("", err);
    }

    @Test
    void writesJsonToAFileWithEquivalences() throws IOException {
        Path report = dir.resolve("reports/score.json");
        assertEquals(0, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(),
                "--cwe-equivalence", "327=328", "--format", "json", "--output", report.toString()));
        assertEquals("", out);
        assertTrue(err.contains("wrote " + report), err);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode alpha = json.path("tools").path(0);
        assertEquals("Alpha", alpha.path("name").asText());
        assertEquals(1.0, alpha.path("overall").path("tpr").asDouble());
        assertEquals(1, alpha.path("categories").path("hash").path("tp").asInt());
        assertEquals("327=328", json.path("cweEquivalences").path(0).asText());
        try (Stream<Path> files = Files.list(report.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }

        assertEquals(2, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(), "--output", report.getParent().toString()));
        assertTrue(err.contains("is a directory; give a file name"), err);
        Path blocked = write("file-not-dir", "x");
        assertEquals(2, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(), "--output", blocked.resolve("r.json").toString()));
        assertTrue(err.contains("cannot write " + blocked.resolve("r.json")), err);
    }

    @Test
    void htmlAndMarkdownFormats() {
        assertEquals(0, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(), "--format", "html"));
        assertTrue(out.startsWith("<!DOCTYPE html>") && out.contains("<svg"), out);
        assertEquals(0, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(), "--format", "MD"));
        assertTrue(out.startsWith("# Scorecard for "), out);
    }

    @Test
    void badCsvRowFailsNamingTheLine() throws IOException {
        Path bad = write("bad.csv", "# test name, category, real vulnerability, cwe\nA01,sqli,true,89\nA02,sqli,perhaps,89\nA03,sqli\n");
        assertEquals(2, run("bench", "--expected", bad.toString(), "--sarif", toolA.toString()));
        assertTrue(err.contains(bad + ":3: real vulnerability must be true or false, found 'perhaps'"), err);
        assertTrue(err.contains(bad + ":4: expected 4 columns"), err);
        assertEquals("", out);
    }

    @Test
    void anUnreadableSarifIsReportedAndTheOthersAreStillScored() throws IOException {
        Path broken = write("broken.sarif", "{\"runs\": [");
        assertEquals(2, run("bench", "--expected", csv.toString(), "--sarif", broken.toString(), "--sarif", toolB.toString()));
        assertTrue(err.contains(broken + ":1:"), err);
        assertTrue(err.contains("not valid JSON"), err);
        assertTrue(out.contains("Beta"), out);
    }

    @Test
    void sameToolTwiceIsTellApartBySource() {
        assertEquals(0, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(), "--sarif", toolA.toString(), "--format", "json"));
        assertTrue(out.contains("\"name\" : \"Alpha (a.sarif)\""), out);
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("bench", "--sarif", toolA.toString()));
        assertTrue(err.contains("give exactly one of --expected CSV or --truth JSON"), err);
        assertEquals(2, run("bench", "--expected", csv.toString()));
        assertTrue(err.contains("a PATH to scan or one or more --sarif files"), err);
        assertEquals(2, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(), "--format", "pdf"));
        assertTrue(err.contains("--format: unknown format 'pdf'"), err);
        assertEquals(2, run("bench", "--expected", csv.toString(), "--sarif", toolA.toString(), "--cwe-equivalence", "327"));
        assertTrue(err.contains("must look like 327=328"), err);
        assertEquals(2, run("bench", "--expected", dir.resolve("none.csv").toString(), "--sarif", toolA.toString()));
        assertTrue(err.contains("none.csv: expected-results file not found"), err);
        assertEquals(2, run("bench", "--truth", csv.toString(), "--sarif", toolA.toString()));
        assertTrue(err.contains("drop PATH and --sarif"), err);
    }

    @Test
    void scansPathInProcessAndScoresVigilNextToAnotherTool() throws IOException {
        Path suite = dir.resolve("suite");
        write("suite/src/LoginQuery01.java", """
                package suite;

                import java.sql.Connection;
                import java.sql.SQLException;
                import javax.servlet.http.HttpServlet;
                import javax.servlet.http.HttpServletRequest;
                import javax.servlet.http.HttpServletResponse;

                public class LoginQuery01 extends HttpServlet {
                    private Connection conn;

                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                        try {
                            String user = request.getParameter("user");
                            conn.createStatement().executeQuery("SELECT * FROM users WHERE name = '" + user + "'");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """);
        write("suite/src/LoginQuery02.java", """
                package suite;

                import java.sql.Connection;
                import java.sql.PreparedStatement;
                import java.sql.SQLException;
                import javax.servlet.http.HttpServlet;
                import javax.servlet.http.HttpServletRequest;
                import javax.servlet.http.HttpServletResponse;

                public class LoginQuery02 extends HttpServlet {
                    private Connection conn;

                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                        try {
                            PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
                            ps.setString(1, request.getParameter("user"));
                            ps.executeQuery();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """);
        write("suite/src/Digest01.java", """
                package suite;

                import java.security.MessageDigest;
                import java.security.NoSuchAlgorithmException;

                public class Digest01 {
                    byte[] fingerprint(byte[] data) throws NoSuchAlgorithmException {
                        return MessageDigest.getInstance("MD5").digest(data);
                    }
                }
                """);
        write("suite/src/Digest02.java", """
                package suite;

                import java.security.MessageDigest;
                import java.security.NoSuchAlgorithmException;

                public class Digest02 {
                    byte[] fingerprint(byte[] data) throws NoSuchAlgorithmException {
                        return MessageDigest.getInstance("SHA-256").digest(data);
                    }
                }
                """);

        assertEquals(0, run("bench", "--expected", csv.toString(), suite.toString(), "--sarif", toolB.toString(), "--format", "json"));
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode vigil = json.path("tools").path(0);
        assertEquals("Vigil", vigil.path("name").asText());
        assertEquals("Beta", json.path("tools").path(1).path("name").asText());
        JsonNode overall = vigil.path("overall");
        assertEquals(List.of(2, 0, 0, 2), List.of(overall.path("tp").asInt(), overall.path("fn").asInt(),
                overall.path("fp").asInt(), overall.path("tn").asInt()), out);
        assertEquals(1.0, overall.path("score").asDouble());

        // Vigil's own SARIF, read back like any other tool's, scores exactly like the in-process scan
        Path vigilSarif = dir.resolve("vigil.sarif");
        int scanExit = run("scan", suite.toString(), "--format", "sarif", "--output", vigilSarif.toString());
        assertTrue(scanExit == 0 || scanExit == 1, err);
        assertEquals(0, run("bench", "--expected", csv.toString(), "--sarif", vigilSarif.toString(), "--format", "json"));
        JsonNode fromSarif = new ObjectMapper().readTree(out).path("tools").path(0);
        assertEquals(vigil.path("categories"), fromSarif.path("categories"));
        assertEquals(vigil.path("overall"), fromSarif.path("overall"));

        assertEquals(2, run("bench", "--expected", csv.toString(), dir.resolve("missing").toString()));
        assertTrue(err.contains("missing: no such file or directory"), err);
    }

    @Test
    void truthEntryWithoutSarifIsScannedInProcessAndTimed() throws IOException {
        write("app/src/main/java/app/Checksums.java", """
                package app;

                import java.security.MessageDigest;

                class Checksums {
                    byte[] of(byte[] data) throws Exception {
                        return MessageDigest.getInstance("MD5").digest(data);
                    }
                }
                """);
        Path truth = write("truth.json", """
                {"entries": [{"id": "APP-1", "project": "app", "cwe": 328,
                              "changes": [{"file": "src/main/java/app/Checksums.java", "lines": [[6, 8]]}]}]}
                """);
        assertEquals(0, run("bench", "--truth", truth.toString(), "--format", "json"));
        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals("Vigil", json.path("tool").asText());
        JsonNode entry = json.path("entries").path(0);
        assertTrue(entry.path("detected").asBoolean(), out);
        assertEquals(9, entry.path("javaLines").asInt());
        assertTrue(entry.path("durationMillis").isIntegralNumber(), out);
    }

    @Test
    void truthFileWithSarifEntries() throws IOException {
        write("proj/src/Login.java", "class Login {\n  void q() {}\n}\n");
        write("proj.sarif", """
                {"runs": [{"tool": {"driver": {"name": "Alpha"}}, "results": [
                  {"ruleId": "sqli", "properties": {"tags": ["CWE-89"]}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/Login.java"}, "region": {"startLine": 2}}}]}]}]}
                """);
        Path truth = write("truth.json", """
                {"entries": [
                  {"id": "LOGIN-1", "project": "proj", "cwe": 89, "sarif": "proj.sarif", "changes": [{"file": "src/Login.java", "lines": [[2, 2]]}]},
                  {"id": "LOST-1", "project": "lost", "cwe": 89, "sarif": "proj.sarif", "changes": [{"file": "src/Login.java"}]}
                ]}
                """);
        assertEquals(2, run("bench", "--truth", truth.toString(), "--format", "json"));
        assertTrue(err.contains("entry LOST-1: project directory"), err);
        assertTrue(out.contains("\"detectionRate\" : 0.5"), out);
        assertTrue(out.contains("\"alarmsPerKloc\" : 333.33"), out);
    }

    @Test
    void ruleCweGivesCwesToAToolThatNamesNone() throws IOException {
        Path bare = write("bare.sarif", """
                {"runs": [{"tool": {"driver": {"name": "Bare"}}, "results": [
                  {"ruleId": "SQL_INJECTION", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "LoginQuery01.java"}}}]},
                  {"ruleId": "WEAK_MD5", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "Digest02.java"}}}]}]}]}
                """);
        assertEquals(0, run("bench", "--expected", csv.toString(), "--sarif", bare.toString(), "--format", "json"));
        assertTrue(err.contains("bare.sarif: 2 result(s) name no CWE"), err);
        assertTrue(out.contains("\"tpr\" : 0.0,"), out);
        assertEquals(0, run("bench", "-q", "--expected", csv.toString(), "--sarif", bare.toString(), "-o", dir.resolve("q.txt").toString()));
        assertEquals("", err, "--quiet silences warnings and the 'wrote' line");

        assertEquals(0, run("bench", "--expected", csv.toString(), "--sarif", bare.toString(), "--format", "json",
                "--rule-cwe", "SQL_INJECTION=89,WEAK_MD5=CWE-328"));
        assertEquals("", err);
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode overall = json.path("tools").path(0).path("overall");
        assertEquals(1, overall.path("tp").asInt());
        assertEquals(1, overall.path("fp").asInt());

        assertEquals(2, run("bench", "--expected", csv.toString(), "--sarif", bare.toString(), "--rule-cwe", "SQL_INJECTION"));
        assertTrue(err.contains("--rule-cwe: rule CWE 'SQL_INJECTION' must look like RULE_ID=89"), err);
    }

    @Test
    void helpShowsAnExample() {
        assertEquals(0, run("bench", "--help"));
        assertTrue(out.contains("vigil bench --expected expected.csv --sarif vigil.sarif --sarif other.sarif"), out);
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        int code = cli.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path write(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }
}
