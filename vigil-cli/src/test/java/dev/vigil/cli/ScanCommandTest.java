package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of {@code vigil scan}, in process, on real files in temporary directories, with
 * the real analyzers found on the class path (vigil-java's java/weak-hash check among them).
 */
class ScanCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A realistic use of a broken hash, found by the real java/weak-hash check. */
    static final String CHECKSUMS = """
            package com.acme.files;

            import java.nio.charset.StandardCharsets;
            import java.security.MessageDigest;
            import java.security.NoSuchAlgorithmException;

            public class Checksums {

                public String tokenFor(String user) throws NoSuchAlgorithmException {
                    MessageDigest md = MessageDigest.getInstance("MD5");
                    return java.util.HexFormat.of().formatHex(md.digest(user.getBytes(StandardCharsets.UTF_8)));
                }
            }
            """;

    static final String SAFE = """
            package com.acme.files;

            import java.security.MessageDigest;

            public class Safe {
                byte[] digest(byte[] data) throws Exception {
                    return MessageDigest.getInstance("SHA-256").digest(data);
                }
            }
            """;

    @TempDir
    Path dir;

    Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void exitsZeroWithoutFindings() throws IOException {
        write("src/com/acme/files/Safe.java", SAFE);
        CliRun run = CliRun.run("scan", dir.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("No findings (1 file, 9 lines scanned"), run.toString());
        assertEquals("", run.err());
    }

    @Test
    void exitsOneForARealFindingAndShowsItInText() throws IOException {
        write("src/com/acme/files/Checksums.java", CHECKSUMS);
        write("src/com/acme/files/Safe.java", SAFE);
        CliRun run = CliRun.run("scan", dir.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.startsWith("src/com/acme/files/Checksums.java\n"), out);
        assertTrue(out.contains("java/weak-hash (CWE-328)"), out);
        assertTrue(out.contains("| MessageDigest md = MessageDigest.getInstance(\"MD5\");"), out);
        assertTrue(out.contains("1 finding in 1 file (2 files"), out);
        assertTrue(out.contains("java/weak-hash  1"), out);
        assertFalse(out.contains("\033["), "no colours when stdout is not a terminal");
    }

    @Test
    void failOnRaisesTheThreshold() throws IOException {
        write("Checksums.java", CHECKSUMS);
        assertEquals(ExitCodes.OK, CliRun.run("scan", dir.toString(), "--fail-on", "high").exitCode());
        assertEquals(ExitCodes.FINDINGS, CliRun.run("scan", dir.toString(), "--fail-on", "MEDIUM").exitCode());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        write("A.java", SAFE);
        CliRun missing = CliRun.run("scan", dir.resolve("no-such-dir").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertEquals("vigil: path not found: " + dir.resolve("no-such-dir") + "\n", missing.err());
        assertEquals("", missing.out());

        CliRun option = CliRun.run("scan", "--no-such-option", dir.toString());
        assertEquals(ExitCodes.USAGE, option.exitCode());
        assertTrue(option.err().contains("Unknown option: '--no-such-option'"), option.toString());

        CliRun severity = CliRun.run("scan", "--fail-on", "catastrophic", dir.toString());
        assertEquals(ExitCodes.USAGE, severity.exitCode(), severity.toString());

        CliRun model = CliRun.run("scan", "--threat-model", "cloud", dir.toString());
        assertEquals(ExitCodes.USAGE, model.exitCode());
        assertTrue(model.err().contains("unknown --threat-model 'cloud'"), model.toString());

        CliRun jobs = CliRun.run("scan", "--jobs", "0", dir.toString());
        assertEquals(ExitCodes.USAGE, jobs.exitCode());
        assertTrue(jobs.err().contains("--jobs must be at least 1"), jobs.toString());

        CliRun outputDir = CliRun.run("scan", dir.toString(), "--output", dir.toString());
        assertEquals(ExitCodes.USAGE, outputDir.exitCode());
        assertTrue(outputDir.err().contains("is a directory"), outputDir.toString());

        Path badBaseline = write("old.sarif", "{ not json");
        CliRun baseline = CliRun.run("scan", "--baseline", badBaseline.toString(), dir.toString());
        assertEquals(ExitCodes.USAGE, baseline.exitCode());
        assertTrue(baseline.err().startsWith("vigil: cannot use baseline " + badBaseline + ": not valid JSON"),
                baseline.toString());
    }

    @Test
    void anAnalyzerBugExitsThreeButKeepsTheOtherFindings() throws IOException {
        write("A.java", SAFE);
        Analyzer broken = new Analyzer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public AnalysisResult analyze(dev.vigil.core.source.SourceSet s, dev.vigil.core.scan.AnalysisOptions o,
                                          dev.vigil.core.scan.Progress p) {
                throw new IllegalStateException("index out of range in the test analyzer");
            }
        };
        Analyzer reporting = new LineOneAnalyzer();
        CliRun run = CliRun.withAnalyzers(List.of(broken, reporting), "scan", dir.toString(), "--format", "json");
        assertEquals(ExitCodes.INTERNAL, run.exitCode(), run.toString());
        assertTrue(run.err().contains("analyzer 'broken' failed"), run.toString());
        JsonNode report = json(run.out());
        assertFalse(report.path("run").path("successful").asBoolean());
        assertEquals("test/line-one", report.path("findings").path(0).path("ruleId").asText());
    }

    @Test
    void unreadableSyntaxErrorNonUtf8AndBinaryFilesAreWarningsNotCrashes() throws IOException {
        write("src/Checksums.java", CHECKSUMS);
        write("src/Broken.java", "class Broken { void f( { int x = ; }\n");
        Files.write(dir.resolve("src/Latin.java"), ("class Latin { String s = \"gr\u00fc\u00dfe\"; void f() throws"
                + " Exception { java.security.MessageDigest.getInstance(\"MD5\"); } }\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("src/Blob.java"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0});
        // Tests run as root, where chmod 000 does not stop reads: a dangling link is unreadable for anyone.
        Files.createSymbolicLink(dir.resolve("src/Gone.java"), dir.resolve("src/deleted/Gone.java"));

        CliRun run = CliRun.run("scan", dir.toString(), "--format", "sarif");
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.toString());
        String err = run.err();
        assertTrue(err.contains("vigil: warning: src/Blob.java: skipped: binary content"), err);
        assertTrue(err.contains("vigil: warning: src/Gone.java: cannot read: broken symbolic link"), err);
        assertTrue(err.contains("vigil: warning: src/Latin.java: not valid UTF-8; decoded as ISO-8859-1"), err);
        assertTrue(err.contains("vigil: warning: src/Broken.java:1: syntax error"), err);

        JsonNode sarif = json(run.out());
        assertEquals(List.of(), SarifSchema.violations(sarif));
        JsonNode run0 = sarif.path("runs").path(0);
        List<String> notified = new ArrayList<>();
        run0.path("invocations").path(0).path("toolExecutionNotifications").forEach(n -> notified.add(
                n.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText()));
        assertTrue(notified.containsAll(List.of("src/Blob.java", "src/Gone.java", "src/Latin.java",
                "src/Broken.java")), notified.toString());
        List<String> found = new ArrayList<>();
        run0.path("results").forEach(r -> found.add(r.path("locations").path(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText()));
        assertEquals(List.of("src/Checksums.java", "src/Latin.java"), found, "the readable files are still scanned");
    }

    @Test
    void emptyDirectoryIsACleanScan() {
        CliRun run = CliRun.run("scan", dir.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("\"filesScanned\" : 0"), run.out());
    }

    @Test
    void baselineHidesKnownFindingsAndReportsNewOnes() throws IOException {
        write("src/Checksums.java", CHECKSUMS);
        Path sarifBaseline = dir.resolveSibling(dir.getFileName() + "-baseline.sarif");
        Path jsonBaseline = dir.resolveSibling(dir.getFileName() + "-baseline.json");
        try {
            assertEquals(ExitCodes.FINDINGS, CliRun.run("scan", dir.toString(), "-q", "-f", "sarif",
                    "-o", sarifBaseline.toString()).exitCode());
            assertEquals(ExitCodes.FINDINGS, CliRun.run("scan", dir.toString(), "-q", "-f", "json",
                    "-o", jsonBaseline.toString()).exitCode());

            // An unrelated edit above the finding moves it down; the fingerprint still matches.
            write("src/Checksums.java", "// Copyright Acme\n\n" + CHECKSUMS);
            for (Path baseline : List.of(sarifBaseline, jsonBaseline)) {
                CliRun run = CliRun.run("scan", dir.toString(), "--baseline", baseline.toString());
                assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
                assertTrue(run.out().contains("not shown: 1 known from the baseline"), run.out());
            }

            write("src/Tokens.java", CHECKSUMS.replace("Checksums", "Tokens"));
            CliRun run = CliRun.run("scan", dir.toString(), "--baseline", sarifBaseline.toString(), "-f", "json");
            assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.toString());
            JsonNode findings = json(run.out()).path("findings");
            assertEquals(1, findings.size());
            assertEquals("src/Tokens.java", findings.path(0).path("location").path("file").asText());
        } finally {
            Files.deleteIfExists(sarifBaseline);
            Files.deleteIfExists(jsonBaseline);
        }
    }

    @Test
    void inlineSuppressionsHideFindingsFromTextButNotFromSarif() throws IOException {
        write("src/Checksums.java", CHECKSUMS.replace("        MessageDigest md =",
                "        // vigil-ignore[java/weak-hash]: cache key, not a security boundary\n        MessageDigest md ="));
        CliRun text = CliRun.run("scan", dir.toString());
        assertEquals(ExitCodes.OK, text.exitCode(), text.toString());
        assertTrue(text.out().startsWith("No findings"), text.out());
        assertTrue(text.out().contains("not shown: 1 suppressed"), text.out());

        CliRun sarif = CliRun.run("scan", dir.toString(), "-f", "sarif");
        JsonNode result = json(sarif.out()).path("runs").path(0).path("results").path(0);
        assertEquals("java/weak-hash", result.path("ruleId").asText());
        assertEquals("inSource", result.path("suppressions").path(0).path("kind").asText());
        assertEquals("cache key, not a security boundary",
                result.path("suppressions").path(0).path("justification").asText());

        write("src/Checksums.java", CHECKSUMS.replace("getInstance(\"MD5\");",
                "getInstance(\"MD5\"); // vigil-ignore[java/sql-injection]: wrong rule"));
        assertEquals(ExitCodes.FINDINGS, CliRun.run("scan", dir.toString()).exitCode());
    }

    @Test
    void jsonAndSarifOutputsAreWellFormedAndWrittenToFiles() throws IOException {
        write("src/Checksums.java", CHECKSUMS);
        CliRun json = CliRun.run("scan", dir.toString(), "--format", "json");
        JsonNode report = json(json.out());
        assertEquals("vigil-json", report.path("format").asText());
        JsonNode finding = report.path("findings").path(0);
        assertEquals("java/weak-hash", finding.path("ruleId").asText());
        assertEquals(328, finding.path("cwe").asInt());
        assertEquals("src/Checksums.java", finding.path("location").path("file").asText());
        assertEquals(10, finding.path("location").path("startLine").asInt());
        assertEquals(32, finding.path("fingerprint").asText().length());

        Path out = dir.resolve("reports/vigil.sarif");
        CliRun sarif = CliRun.run("scan", dir.resolve("src").toString(), "--format", "SARIF", "--output",
                out.toString());
        assertEquals(ExitCodes.FINDINGS, sarif.exitCode());
        assertEquals("", sarif.out());
        assertEquals("vigil: wrote sarif report to " + out + "\n", sarif.err());
        JsonNode log = JSON.readTree(out.toFile());
        assertEquals(List.of(), SarifSchema.violations(log));
        JsonNode rules = log.path("runs").path(0).path("tool").path("driver").path("rules");
        assertTrue(rules.size() >= 1);
        JsonNode result = log.path("runs").path(0).path("results").path(0);
        assertEquals("java/weak-hash", rules.path(result.path("ruleIndex").asInt()).path("id").asText());
        assertEquals("Checksums.java", result.path("locations").path(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText());
    }

    @Test
    void excludeAndIncludeGlobsApply() throws IOException {
        write("src/main/Checksums.java", CHECKSUMS);
        write("src/generated/Gen.java", CHECKSUMS.replace("Checksums", "Gen"));
        CliRun run = CliRun.run("scan", dir.toString(), "--exclude", "generated/", "-f", "json");
        assertEquals(1, json(run.out()).path("findings").size(), run.toString());
        run = CliRun.run("scan", dir.toString(), "--include", "src/generated/**", "-f", "json");
        assertEquals("src/generated/Gen.java",
                json(run.out()).path("findings").path(0).path("location").path("file").asText());
    }

    @Test
    void quietSilencesStderrAndVerboseAddsTimings() throws IOException {
        Files.write(dir.resolve("Blob.java"), new byte[] {0, 1, 2});
        CliRun quiet = CliRun.run("scan", dir.toString(), "--quiet");
        assertEquals("", quiet.err());
        CliRun verbose = CliRun.run("scan", dir.toString(), "--verbose");
        assertTrue(verbose.err().contains("Blob.java: skipped"), verbose.err());
        assertTrue(verbose.err().contains("collect"), verbose.err());
        assertTrue(verbose.err().contains("analyze:java"), verbose.err());
    }

    /** A test analyzer reporting line 1 of every file: for pipeline mechanics only. */
    static final class LineOneAnalyzer implements Analyzer {
        @Override
        public String name() {
            return "line-one";
        }

        @Override
        public AnalysisResult analyze(dev.vigil.core.source.SourceSet sources, dev.vigil.core.scan.AnalysisOptions o,
                                      dev.vigil.core.scan.Progress p) {
            List<Finding> findings = new ArrayList<>();
            for (SourceFile f : sources.javaFiles()) {
                findings.add(Finding.of("test/line-one", 0, Severity.LOW, "first line",
                        Location.line(f.relativePath(), 1), "", List.of()));
            }
            return new AnalysisResult(findings, List.of(new Notification(Notification.Level.NOTE, null, 0, "ran")));
        }
    }
}
