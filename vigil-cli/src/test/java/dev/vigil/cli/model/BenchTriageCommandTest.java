package dev.vigil.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil bench triage} end to end: a labelled set on disk, a real vigil.yaml, and model servers on
 * loopback that answer right or wrong on purpose, so the leaderboard's numbers are known in advance.
 */
class BenchTriageCommandTest {

    private static final String TP = "{\"verdict\":\"true-positive\",\"confidence\":0.9,\"reasoning\":\"q reaches the query\","
            + "\"exploitPreconditions\":[\"a request to /orders\"]}";
    private static final String FP = "{\"verdict\":\"false-positive\",\"confidence\":0.8,\"reasoning\":\"constant path\","
            + "\"exploitPreconditions\":[]}";

    record Run(int exitCode, String out, String err) {
    }

    private static Run vigil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The SQL injection is real; the path-traversal finding (a constant path) is a false positive. */
    private static boolean isSqlInjection(JsonNode request) {
        return LoopbackModelServer.userText(request).contains("rule: java/sql-injection");
    }

    private static LoopbackModelServer rightServer() throws IOException {
        return new LoopbackModelServer(req -> LoopbackModelServer.answer(isSqlInjection(req) ? TP : FP, 400, 50));
    }

    private static LoopbackModelServer wrongServer() throws IOException {
        return new LoopbackModelServer(req -> LoopbackModelServer.answer(isSqlInjection(req) ? FP : TP, 1000, 100));
    }

    private static Path writeLabels(Path project) throws IOException {
        TriageCommandTest.writeProject(project);
        Path labels = project.resolve("labels.json");
        Files.writeString(labels, """
                {
                  "version": 1,
                  "project": ".",
                  "sarif": "vigil.sarif",
                  "findings": [
                    {"id": "sqli-1", "ruleId": "java/sql-injection", "file": "src/shop/OrderRepository.java", "line": 6,
                     "label": "true-positive", "note": "q reaches executeQuery"},
                    {"id": "logo", "ruleId": "java/path-traversal", "file": "src/shop/OrderRepository.java", "line": 10,
                     "label": "false-positive", "note": "constant path"},
                    {"id": "gone", "ruleId": "java/xss", "file": "src/shop/OrderRepository.java", "line": 3,
                     "label": "true-positive"}
                  ]
                }
                """);
        return labels;
    }

    private static Path writeConfig(Path project, String rightUrl, String wrongUrl) throws IOException {
        Path config = project.resolve("models.yaml");
        Files.writeString(config, """
                models:
                  profiles:
                    right:
                      base-url: %s
                      model: right-model
                      price: {input: 1, output: 2}
                      max-retries: 0
                    wrong:
                      base-url: %s
                      model: wrong-model
                      price: {input: 10, output: 20}
                      max-retries: 0
                  stages:
                    triage: [wrong, right]
                """.formatted(rightUrl, wrongUrl));
        return config;
    }

    @Test
    void ranksARightAndAWrongModelWithTokensAndCost(@TempDir Path project) throws Exception {
        Path labels = writeLabels(project);
        try (LoopbackModelServer right = rightServer(); LoopbackModelServer wrong = wrongServer()) {
            Path config = writeConfig(project, right.baseUrl(), wrong.baseUrl());

            Run run = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "right,wrong",
                    "--config", config.toString(), "--format", "json", "-o", project.resolve("board.json").toString());

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertEquals(2, right.requestCount(), "each profile runs alone: no failover, no cache");
            assertEquals(2, wrong.requestCount());
            assertTrue(run.err().contains("labels.json:10: finding gone (java/xss at src/shop/OrderRepository.java:3)"
                    + " is not among the findings"), run.err());
            JsonNode board = LoopbackModelServer.JSON.readTree(project.resolve("board.json").toFile());
            assertEquals(3, board.path("labels").path("findings").asInt());
            assertEquals(2, board.path("labels").path("matched").asInt());
            assertEquals("gone", board.path("labels").path("unmatched").path(0).asText());

            JsonNode r = board.path("profiles").path(0);
            assertEquals("right", r.path("profile").asText());
            assertEquals("right-model", r.path("model").asText());
            assertEquals(1.0, r.path("accuracy").asDouble());
            assertEquals(2, r.path("correct").asInt());
            assertEquals(1, r.path("falsePositivesRemoved").asInt());
            assertEquals(1.0, r.path("falsePositivesRemovedRate").asDouble());
            assertEquals(0, r.path("truePositivesLost").asInt());
            assertEquals(0, r.path("uncertain").asInt());
            assertEquals(0, r.path("modelErrors").asInt());
            assertTrue(r.path("agreement").isNull(), "one sample: no agreement");
            assertEquals(800, r.path("inputTokens").asLong());
            assertEquals(100, r.path("outputTokens").asLong());
            assertEquals((800 * 1 + 100 * 2) / 1e6, r.path("costUsd").asDouble(), 1e-12);
            assertTrue(r.path("failure").isNull());

            JsonNode w = board.path("profiles").path(1);
            assertEquals("wrong", w.path("profile").asText());
            assertEquals(0.0, w.path("accuracy").asDouble());
            assertEquals(0, w.path("falsePositivesRemoved").asInt());
            assertEquals(1, w.path("truePositivesLost").asInt());
            assertEquals(1.0, w.path("truePositivesLostRate").asDouble());
            assertEquals(2000, w.path("inputTokens").asLong());
            assertEquals(200, w.path("outputTokens").asLong());
            assertEquals((2000 * 10 + 200 * 20) / 1e6, w.path("costUsd").asDouble(), 1e-12);
            assertTrue(w.path("wallMillis").asLong() >= 0);

            Run text = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "right,wrong",
                    "--config", config.toString(), "-q");
            assertEquals(ExitCodes.OK, text.exitCode(), text.err());
            assertEquals("", text.err(), "--quiet");
            String[] lines = text.out().split("\n");
            String rightLine = lines[3];
            String wrongLine = lines[4];
            assertTrue(lines[2].startsWith("Profile") && lines[2].contains("Accuracy"), text.out());
            assertTrue(rightLine.startsWith("right ") && rightLine.contains("100.0% (2/2)") && rightLine.contains("$0.0010"),
                    text.out());
            assertTrue(wrongLine.startsWith("wrong ") && wrongLine.contains("0.0% (0/2)") && wrongLine.contains("$0.0240"),
                    text.out());
            assertTrue(text.out().contains("2 of 3 labelled findings triaged (1 true positives, 1 false positives)"), text.out());

            Run md = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "wrong",
                    "--config", config.toString(), "--format", "markdown", "-q");
            assertEquals(ExitCodes.OK, md.exitCode(), md.err());
            assertTrue(md.out().contains("| wrong | wrong-model | 0.0% (0/2) | 0/1 | 1/1 |"), md.out());
        }
    }

    @Test
    void measuresAgreementAcrossSamples(@TempDir Path project) throws Exception {
        Path labels = writeLabels(project);
        AtomicInteger sqlAsks = new AtomicInteger();
        // Every third answer about the SQL injection dissents: 2 of 3 samples agree there, 3 of 3 on the other.
        try (LoopbackModelServer wavering = new LoopbackModelServer(req -> LoopbackModelServer.answer(
                isSqlInjection(req) ? (sqlAsks.getAndIncrement() % 3 == 2 ? FP : TP) : FP, 100, 10));
             LoopbackModelServer unused = rightServer()) {
            Path config = writeConfig(project, wavering.baseUrl(), unused.baseUrl());

            Run run = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "right", "--samples", "3",
                    "--config", config.toString(), "--format", "json", "-q");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertEquals(6, wavering.requestCount());
            assertEquals(0, unused.requestCount());
            JsonNode r = LoopbackModelServer.JSON.readTree(run.out()).path("profiles").path(0);
            assertEquals(3, LoopbackModelServer.JSON.readTree(run.out()).path("samples").asInt());
            assertEquals(1.0, r.path("accuracy").asDouble(), "the majority is still right");
            assertEquals((0.667 + 1.0) / 2, r.path("agreement").asDouble(), 1e-9);
            assertEquals(0.5, r.path("unanimous").asDouble());
            assertEquals(600, r.path("inputTokens").asLong());
        }
    }

    @Test
    void aProfileThatFailsIsReportedNextToTheOthers(@TempDir Path project) throws Exception {
        Path labels = writeLabels(project);
        try (LoopbackModelServer right = rightServer();
             LoopbackModelServer down = new LoopbackModelServer(req -> new LoopbackModelServer.Reply(401,
                     "{\"error\":{\"message\":\"bad key\"}}"))) {
            Path config = writeConfig(project, right.baseUrl(), down.baseUrl());

            Run run = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "wrong,right",
                    "--config", config.toString(), "--format", "json");

            assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().contains("vigil: profile 'wrong' failed:"), run.err());
            JsonNode profiles = LoopbackModelServer.JSON.readTree(run.out()).path("profiles");
            assertEquals(2, profiles.path(0).path("modelErrors").asInt());
            assertEquals(0.0, profiles.path(0).path("accuracy").asDouble());
            assertFalse(profiles.path(0).path("failure").isNull());
            assertEquals(1.0, profiles.path(1).path("accuracy").asDouble(), "the failure did not spill into 'right'");
            assertEquals(2, right.requestCount());
        }
    }

    @Test
    void theShippedLabelledSetIsSelfContainedAndHidesItsAnswers(@TempDir Path work) throws Exception {
        Path labels = Path.of("..", "bench", "labels", "labels.json").toAbsolutePath().normalize();
        List<String> prompts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackModelServer credulous = new LoopbackModelServer(req -> {
            prompts.add(LoopbackModelServer.userText(req));
            return LoopbackModelServer.answer(TP, 1000, 40);
        })) {
            Path config = writeConfig(work, credulous.baseUrl(), credulous.baseUrl());

            Run run = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "right",
                    "--config", config.toString(), "--format", "json", "-q");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            JsonNode board = LoopbackModelServer.JSON.readTree(run.out());
            int size = board.path("labels").path("findings").asInt();
            assertTrue(size >= 20 && size <= 40, "20-30 findings: " + size);
            assertEquals(size, board.path("labels").path("matched").asInt(), "every label has its finding: " + board);
            JsonNode r = board.path("profiles").path(0);
            assertTrue(r.path("truePositives").asInt() >= 10 && r.path("falsePositives").asInt() >= 10, r.toString());
            // A model that calls everything real is right exactly on the true positives.
            assertEquals(r.path("truePositives").asInt(), r.path("correct").asInt());
            assertEquals(size, prompts.size());
            for (String prompt : prompts) {
                assertFalse(prompt.contains("vigil: expect") || prompt.contains("vigil: safe"), "the label leaks: " + prompt);
                assertFalse(prompt.contains("(no code available)"), "the model sees the code: " + prompt);
            }
        }
    }

    @Test
    void withoutASarifLogTheLabelsReferToAVigilScanOfTheProject(@TempDir Path project) throws Exception {
        // a servlet of the shipped set, copied so the scan sees exactly one file
        Path servlet = Path.of("..", "bench", "labels", "corpus", "taint", "sqli", "servlet", "AccountSearchServlet.java");
        Files.createDirectories(project.resolve("src/shop"));
        Files.copy(servlet, project.resolve("src/shop/AccountSearchServlet.java"));
        Path labels = Files.writeString(project.resolve("labels.json"), """
                {"version": 1, "project": "src", "findings": [
                  {"id": "sqli", "ruleId": "java/sql-injection", "file": "shop/AccountSearchServlet.java", "line": 39,
                   "label": "true-positive"}
                ]}
                """);
        try (LoopbackModelServer right = rightServer()) {
            Path config = writeConfig(project, right.baseUrl(), right.baseUrl());

            Run run = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "right",
                    "--config", config.toString(), "--format", "json");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertTrue(run.err().contains("vigil: scanning "), run.err());
            JsonNode board = LoopbackModelServer.JSON.readTree(run.out());
            assertEquals(1, board.path("labels").path("matched").asInt(), run.out());
            assertEquals(1.0, board.path("profiles").path(0).path("accuracy").asDouble());
            assertEquals(1, right.requestCount(), "only labelled findings are triaged");
        }
    }

    @Test
    void aCostBudgetStopsAProfileAndItsUnansweredFindingsCountAsErrors(@TempDir Path project) throws Exception {
        Path labels = writeLabels(project);
        try (LoopbackModelServer right = rightServer(); LoopbackModelServer wrong = wrongServer()) {
            Path config = writeConfig(project, right.baseUrl(), wrong.baseUrl());
            // one request of 'wrong' costs $0.012; one of 'right' $0.0005
            Files.writeString(config, Files.readString(config).replace("price: {input: 10", "max-concurrency: 1\n      price: {input: 10"));

            Run run = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "right,wrong",
                    "--config", config.toString(), "--max-cost", "0.005", "--format", "json");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertTrue(run.err().contains("profile 'wrong' reached the budget"), run.err());
            assertEquals(1, wrong.requestCount(), "stopped after the first answer");
            JsonNode profiles = LoopbackModelServer.JSON.readTree(run.out()).path("profiles");
            assertEquals(1.0, profiles.path(0).path("accuracy").asDouble(), "each profile has its own budget");
            assertEquals(1, profiles.path(1).path("modelErrors").asInt());
            assertEquals(1, profiles.path(1).path("requests").asInt());
        }
    }

    @Test
    void anUnknownProfileIsAUsageErrorNamingIt(@TempDir Path project) throws Exception {
        Path labels = writeLabels(project);
        try (LoopbackModelServer right = rightServer()) {
            Path config = writeConfig(project, right.baseUrl(), right.baseUrl());

            Run run = vigil("bench", "triage", "--labels", labels.toString(), "--profiles", "right,gpt-9",
                    "--config", config.toString());

            assertEquals(ExitCodes.USAGE, run.exitCode());
            assertTrue(run.err().contains("no model profile named 'gpt-9'") && run.err().contains("known: right, wrong"),
                    run.err());
            assertEquals("", run.out());
            assertEquals(0, right.requestCount(), "nothing is sent before every profile is known");
        }
    }

    @Test
    void malformedLabelsAreAUsageErrorNamingFileAndLine(@TempDir Path project) throws Exception {
        TriageCommandTest.writeProject(project);
        try (LoopbackModelServer right = rightServer()) {
            Path config = writeConfig(project, right.baseUrl(), right.baseUrl());
            Path broken = project.resolve("broken.json");
            Files.writeString(broken, """
                    {
                      "version": 1,
                      "project": ".",
                      "findings": [
                        {"id": "a", "ruleId": "java/sql-injection", "file": "A.java", "line": 3, "label": "true-positive"},
                        {"id": "b", "ruleId": "java/sql-injection", "file": "A.java", "line": 4, "label": "maybe"}
                      ]
                    }
                    """);
            Run bad = vigil("bench", "triage", "--labels", broken.toString(), "--profiles", "right", "--config", config.toString());
            assertEquals(ExitCodes.USAGE, bad.exitCode());
            assertTrue(bad.err().contains(broken + ":6: finding b: 'label' must be true-positive or false-positive, not 'maybe'"),
                    bad.err());

            Path syntax = project.resolve("syntax.json");
            Files.writeString(syntax, "{\n  \"version\": 1,\n  \"findings\": [\n    {\"id\": \"a\",}\n  ]\n}\n");
            Run invalid = vigil("bench", "triage", "--labels", syntax.toString(), "--profiles", "right", "--config", config.toString());
            assertEquals(ExitCodes.USAGE, invalid.exitCode());
            assertTrue(invalid.err().contains(syntax + ":4: not valid JSON"), invalid.err());

            Run missing = vigil("bench", "triage", "--labels", project.resolve("nope.json").toString(), "--profiles", "right",
                    "--config", config.toString());
            assertEquals(ExitCodes.USAGE, missing.exitCode());
            assertTrue(missing.err().contains("nope.json: no such file"), missing.err());
            assertEquals(0, right.requestCount());
        }
    }
}
