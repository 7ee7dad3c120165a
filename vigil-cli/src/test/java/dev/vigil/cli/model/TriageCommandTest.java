package dev.vigil.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.Main;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.sarif.SarifWriter;
import dev.vigil.core.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil triage} as a user runs it: a separate JVM, a real vigil.yaml, keys in the environment. */
class TriageCommandTest {

    static final String KEY = "sk-live-cli-test-0123456789SECRET";
    private static final String TP = "{\"verdict\":\"true-positive\",\"confidence\":0.9,\"reasoning\":\"q reaches the query\","
            + "\"exploitPreconditions\":[\"a request to /orders\"]}";
    private static final String FP = "{\"verdict\":\"false-positive\",\"confidence\":0.7,\"reasoning\":\"constant path\","
            + "\"exploitPreconditions\":[]}";

    record Result(int exitCode, String out, String err) {
    }

    static Result vigil(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("vigil-out", ".txt");
        Path err = Files.createTempFile("vigil-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("VIGIL_MODEL"));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("vigil did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static void writeProject(Path project) throws IOException {
        Files.createDirectories(project.resolve("src/shop"));
        Files.writeString(project.resolve("src/shop/OrderRepository.java"), """
                package shop;

                class OrderRepository {
                    String find(javax.servlet.http.HttpServletRequest req) throws Exception {
                        String q = req.getParameter("q");
                        return conn.createStatement().executeQuery("select * from o where n = '" + q + "'").toString();
                    }

                    byte[] logo() throws Exception {
                        return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("static/logo.png"));
                    }
                }
                """);
        List<Finding> findings = List.of(
                Finding.of("java/sql-injection", 89, Severity.HIGH, "request parameter reaches a SQL query",
                        Location.line("src/shop/OrderRepository.java", 6), "OrderRepository.find",
                        List.of(new FlowStep(FlowStep.Kind.SOURCE, Location.line("src/shop/OrderRepository.java", 5), "getParameter"),
                                new FlowStep(FlowStep.Kind.SINK, Location.line("src/shop/OrderRepository.java", 6), "executeQuery"))),
                Finding.of("java/path-traversal", 22, Severity.MEDIUM, "path from input",
                        Location.line("src/shop/OrderRepository.java", 10), "OrderRepository.logo", List.of()));
        ScanResult scan = new ScanResult(findings, List.of(), List.of(project.toString()), 1, 12, Instant.now(), 5, true, Map.of());
        new SarifWriter("test", RuleCatalog.load()).write(scan, project, project.resolve("vigil.sarif"));
    }

    static void writeConfig(Path project, String primaryUrl, String backupUrl) throws IOException {
        Files.writeString(project.resolve("vigil.yaml"), """
                models:
                  profiles:
                    primary:
                      base-url: %s
                      model: primary-model
                      api-key-env: PRIMARY_KEY
                      max-retries: 0
                    backup:
                      provider: openai
                      base-url: %s
                      model: backup-model
                      price: {input: 1, output: 2}
                  stages:
                    triage: [primary, backup]
                """.formatted(primaryUrl, backupUrl));
    }

    private static LoopbackModelServer verdictServer() throws IOException {
        return new LoopbackModelServer(req -> LoopbackModelServer.answer(
                LoopbackModelServer.userText(req).contains("rule: java/sql-injection") ? TP : FP, 400, 50));
    }

    private static JsonNode results(Path sarif) throws IOException {
        return LoopbackModelServer.JSON.readTree(sarif.toFile()).path("runs").path(0).path("results");
    }

    @Test
    void failsOverAttachesVerdictsAndReRunsFromTheCacheWithoutLeakingTheKey(@TempDir Path project) throws Exception {
        writeProject(project);
        try (LoopbackModelServer primary = new LoopbackModelServer(req -> new LoopbackModelServer.Reply(401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
             LoopbackModelServer backup = verdictServer()) {
            writeConfig(project, primary.baseUrl(), backup.baseUrl());

            Result first = vigil(project, Map.of("PRIMARY_KEY", KEY), "triage", "vigil.sarif", "-o", "triaged.sarif");

            assertEquals(ExitCodes.OK, first.exitCode(), first.err());
            assertTrue(first.err().contains("vigil: model profile 'backup' took over from 'primary': authentication failed (HTTP 401"),
                    first.err());
            assertTrue(first.err().contains("triage: 2 findings, 2 triaged"), first.err());
            JsonNode results = results(project.resolve("triaged.sarif"));
            assertEquals(2, results.size());
            assertEquals("java/sql-injection", results.path(0).path("ruleId").asText());
            assertEquals("true-positive", results.path(0).path("properties").path("triage").path("verdict").asText());
            assertEquals("backup", results.path(0).path("properties").path("triage").path("profile").asText());
            assertEquals("false-positive", results.path(1).path("properties").path("triage").path("verdict").asText());
            assertFalse(results.path(1).has("suppressions"), "not hidden without --hide-false-positives");
            JsonNode run = LoopbackModelServer.JSON.readTree(project.resolve("triaged.sarif").toFile()).path("runs").path(0);
            assertEquals(2, run.path("properties").path("triage").path("triaged").asInt());
            assertEquals("backup", run.path("properties").path("modelUsage").path(0).path("profile").asText());
            // Both findings may reach the primary concurrently before its refusal is known; never more.
            assertTrue(primary.requestCount() >= 1 && primary.requestCount() <= 2, "primary: " + primary.requestCount());
            assertEquals(1, first.err().split("took over", -1).length - 1, "one notice: " + first.err());
            assertEquals(2, backup.requestCount());

            Result again = vigil(project, Map.of("PRIMARY_KEY", KEY), "triage", "vigil.sarif", "--hide-false-positives",
                    "-o", "again.sarif");
            assertEquals(ExitCodes.OK, again.exitCode(), again.err());
            assertEquals(2, backup.requestCount(), "the re-run was answered from the cache");
            JsonNode hidden = results(project.resolve("again.sarif")).path(1).path("suppressions").path(0);
            assertEquals("external", hidden.path("kind").asText());
            assertTrue(hidden.path("justification").asText().contains("constant path"), hidden.toString());

            for (String text : List.of(first.out(), first.err(), again.out(), again.err(),
                    Files.readString(project.resolve("triaged.sarif")), Files.readString(project.resolve("again.sarif")))) {
                assertFalse(text.contains(KEY), text);
                assertFalse(text.contains(KEY.substring(0, 8)), text);
            }
            try (Stream<Path> files = Files.walk(project.resolve(".vigil/cache"))) {
                List<Path> entries = files.filter(Files::isRegularFile).toList();
                assertEquals(2, entries.size());
                for (Path f : entries) {
                    assertFalse(Files.readString(f).contains(KEY), f.toString());
                }
            }
        }
    }

    @Test
    void budgetStopsWithPartialOutputAndDryRunSendsNothing(@TempDir Path project) throws Exception {
        writeProject(project);
        try (LoopbackModelServer server = verdictServer()) {
            writeConfig(project, server.baseUrl(), server.baseUrl());

            Result dry = vigil(project, Map.of(), "triage", "vigil.sarif", "--profile", "backup", "--dry-run");
            assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
            assertEquals(0, server.requestCount());
            assertTrue(dry.err().contains("dry run: would send 2 requests"), dry.err());
            assertEquals("", dry.out());

            Result partial = vigil(project, Map.of(), "triage", "vigil.sarif", "--profile", "backup", "--no-cache",
                    "--max-tokens", "400", "--format", "json", "-o", "partial.json");
            assertEquals(ExitCodes.OK, partial.exitCode(), partial.err());
            assertEquals(1, server.requestCount());
            assertTrue(partial.err().contains("budget reached (400 tokens): stopped sending; 1 findings were not processed"),
                    partial.err());
            String json = Files.readString(project.resolve("partial.json"));
            assertTrue(json.contains("\"notProcessed\" : 1"), json);
            // Findings run in parallel, so which one got the budget may vary; exactly one has a verdict.
            JsonNode findings = LoopbackModelServer.JSON.readTree(json).path("findings");
            assertEquals(2, findings.size());
            int verdicts = 0;
            for (JsonNode f : findings) {
                verdicts += f.path("properties").has("triage") ? 1 : 0;
            }
            assertEquals(1, verdicts, json);
            assertFalse(Files.exists(project.resolve(".vigil/cache")), "--no-cache writes nothing");
        }
    }

    @Test
    void everyProfileFailingExitsTwoWithEachReasonAndStillWritesOutput(@TempDir Path project) throws Exception {
        writeProject(project);
        try (LoopbackModelServer down = new LoopbackModelServer(req -> new LoopbackModelServer.Reply(404,
                "{\"error\":{\"message\":\"model not found\"}}"))) {
            writeConfig(project, down.baseUrl(), down.baseUrl());
            Result r = vigil(project, Map.of("PRIMARY_KEY", KEY), "triage", "vigil.sarif", "-o", "out.sarif");
            assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
            assertTrue(r.err().contains("vigil: every model profile for triage failed: primary: model or endpoint not found"
                    + " (HTTP 404"), r.err());
            assertTrue(r.err().contains("; backup: model or endpoint not found"), r.err());
            assertEquals(2, results(project.resolve("out.sarif")).size(), "findings kept, unchanged");
        }
    }

    @Test
    void configurationErrorsAreUsageErrorsNamingFileAndLine(@TempDir Path project) throws Exception {
        writeProject(project);
        Files.writeString(project.resolve("vigil.yaml"), "models:\n  profiles:\n    p:\n      base-url: http://127.0.0.1:9/v1\n"
                + "      model: m\n      max-concurrency: many\n");
        Result bad = vigil(project, Map.of(), "triage", "vigil.sarif");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("vigil.yaml:6: 'max-concurrency' must be a whole number, not 'many'"), bad.err());

        Files.delete(project.resolve("vigil.yaml"));
        Result none = vigil(project, Map.of(), "triage", "vigil.sarif");
        assertEquals(ExitCodes.USAGE, none.exitCode(), none.err());
        assertTrue(none.err().contains("no model configured"), none.err());

        Result missing = vigil(project, Map.of(), "triage", "nope.sarif");
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.err());
    }

    @Test
    void environmentVariablesDefineAOneProfileSetup(@TempDir Path project) throws Exception {
        writeProject(project);
        try (LoopbackModelServer server = verdictServer()) {
            Result r = vigil(project, Map.of("VIGIL_MODEL_BASE_URL", server.baseUrl(), "VIGIL_MODEL", "qwen",
                    "VIGIL_MODEL_API_KEY", KEY), "triage", "vigil.sarif");
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
            assertEquals(2, server.requestCount());
            assertTrue(r.out().contains("\"verdict\" : \"true-positive\""), r.out());
            assertFalse(r.out().contains(KEY) || r.err().contains(KEY));
        }
    }
}
