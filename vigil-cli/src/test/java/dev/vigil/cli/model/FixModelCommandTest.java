package dev.vigil.cli.model;

import static dev.vigil.cli.model.TriageCommandTest.vigil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.model.TriageCommandTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil fix --model} as a user runs it (a separate JVM, a real vigil.yaml, the key in the
 * environment) against a scripted model on loopback: recipes first, then model candidates verified like
 * any fix, first verified wins.
 */
class FixModelCommandTest {

    static final String KEY = "sk-live-fix-test-0123456789SECRET";

    /** A whole SQL condition from the request: the SQL recipe refuses it (neither a bind nor a name check fits). */
    static final String ORDERS = """
            package shop;

            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import javax.servlet.http.HttpServletRequest;

            public class Orders {

                ResultSet list(HttpServletRequest request, Connection conn) throws SQLException {
                    String sort = request.getParameter("sort");
                    // newest first unless asked otherwise
                    return conn.createStatement().executeQuery("SELECT * FROM orders WHERE " + sort);
                }

                ResultSet byOwner(HttpServletRequest request, Connection conn) throws SQLException {
                    String owner = request.getParameter("owner");
                    return conn.createStatement().executeQuery("SELECT * FROM orders WHERE owner = '" + owner + "'");
                }
            }
            """;

    static final String GOOD = """
            ResultSet list(HttpServletRequest request, Connection conn) throws SQLException {
                String sort = request.getParameter("sort");
                String column = "recent".equals(sort) ? "day > 7" : "1 = 1";
                // newest first unless asked otherwise
                return conn.createStatement().executeQuery("SELECT * FROM orders WHERE " + column);
            }
            """.indent(4).stripTrailing();

    /** Looks like a fix but the input still reaches the query. */
    static final String USELESS = """
            ResultSet list(HttpServletRequest request, Connection conn) throws SQLException {
                String sort = request.getParameter("sort").trim();
                // newest first unless asked otherwise
                return conn.createStatement().executeQuery("SELECT * FROM orders WHERE " + sort);
            }
            """.indent(4).stripTrailing();

    static String answer(String method) {
        return LoopbackModelServer.JSON.createObjectNode().put("method", method)
                .put("explanation", "only fixed conditions reach WHERE").toString();
    }

    static void writeProject(Path project, String url) throws IOException {
        Files.createDirectories(project.resolve("src/shop"));
        Files.writeString(project.resolve("src/shop/Orders.java"), ORDERS);
        Files.writeString(project.resolve("vigil.yaml"), """
                models:
                  profiles:
                    hosted:
                      base-url: %s
                      model: fixer-model
                      api-key-env: FIX_KEY
                      max-retries: 0
                """.formatted(url));
    }

    private static LoopbackModelServer server(Function<JsonNode, LoopbackModelServer.Reply> script) throws IOException {
        return new LoopbackModelServer(script);
    }

    @Test
    void recipesComeFirstAndTheSecondCandidateWinsWhenTheFirstLeavesTheFinding(@TempDir Path project) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        StringBuilder prompts = new StringBuilder();
        try (LoopbackModelServer model = server(req -> {
            asked.incrementAndGet();
            String user = LoopbackModelServer.userText(req);
            synchronized (prompts) {
                prompts.append(user).append("\n=====\n");
            }
            return LoopbackModelServer.answer(answer(user.contains("Earlier replacements were rejected") ? GOOD : USELESS),
                    900, 150);
        })) {
            writeProject(project, model.baseUrl());

            Result run = vigil(project, Map.of("FIX_KEY", KEY), "fix", ".", "--model", "--format", "json");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertEquals(2, asked.get(), "one finding needs the model, the first candidate fails: " + prompts);
            assertTrue(prompts.toString().contains("WHERE \" + sort"), prompts.toString());
            assertFalse(prompts.toString().contains("byOwner"), "the recipe fixed the other finding: " + prompts);
            assertTrue(prompts.toString().contains("candidate 1 rejected: verification failed: the finding is still reported"),
                    prompts.toString());

            JsonNode fixes = LoopbackModelServer.JSON.readTree(run.out()).path("fixes");
            assertEquals(2, fixes.size(), run.out());
            JsonNode byModel = fixes.path(0).path("line").asInt() == 13 ? fixes.path(0) : fixes.path(1);
            JsonNode byRecipe = byModel == fixes.path(0) ? fixes.path(1) : fixes.path(0);
            assertEquals("fixed", byModel.path("status").asText(), run.out());
            assertEquals("model", byModel.path("source").asText());
            assertEquals("hosted", byModel.path("model").path("profile").asText());
            assertEquals("fixer-model", byModel.path("model").path("model").asText());
            assertEquals(2, byModel.path("model").path("candidate").asInt());
            assertTrue(byModel.path("description").asText().startsWith("model-written fix (profile hosted, model fixer-model)"),
                    byModel.toString());
            // Only the changed lines are edited: the comment line between them stays untouched.
            assertEquals(2, byModel.path("edits").size(), byModel.toString());
            assertEquals("recipe", byRecipe.path("source").asText());
            assertEquals("fixed", byRecipe.path("status").asText());
            assertTrue(run.err().contains("2 of 2 findings fixed and verified (1 model-written)"), run.err());
            assertTrue(run.err().contains("fixed (model) src/shop/Orders.java:13 java/sql-injection"), run.err());

            // SARIF carries the label in the fix description; --apply writes the rewritten method.
            Result sarif = vigil(project, Map.of("FIX_KEY", KEY), "fix", ".", "--model", "--format", "sarif", "--apply");
            assertEquals(ExitCodes.OK, sarif.exitCode(), sarif.err());
            assertEquals(2, asked.get(), "both candidates were answered from the cache");
            assertTrue(sarif.out().contains("model-written fix (profile hosted, model fixer-model)"), sarif.out());
            String fixed = Files.readString(project.resolve("src/shop/Orders.java"));
            assertTrue(fixed.contains("String column = \"recent\".equals(sort) ? \"day > 7\" : \"1 = 1\";"), fixed);
            assertTrue(fixed.contains("PreparedStatement"), fixed);
            Result rescan = vigil(project, Map.of(), "scan", ".", "--format", "json");
            assertFalse(rescan.out().contains("java/sql-injection"), rescan.out());

            for (String text : List.of(run.out(), run.err(), sarif.out(), sarif.err())) {
                assertFalse(text.contains(KEY), text);
            }
            try (Stream<Path> files = Files.walk(project.resolve(".vigil/cache"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(f).contains(KEY), f.toString());
                }
            }
        }
    }

    @Test
    void answersOutsideTheMethodAndMalformedJsonAreRejectedWithReasons(@TempDir Path project) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        String outside = "    private static String backdoor;\n\n" + GOOD;
        try (LoopbackModelServer model = server(req -> switch (asked.incrementAndGet()) {
            case 1 -> LoopbackModelServer.answer(answer(outside), 10, 10);
            case 2 -> LoopbackModelServer.answer("Sure! Here is the fixed method: ResultSet list(...) {", 10, 10);
            default -> LoopbackModelServer.answer("{\"method\": 42}", 10, 10);
        })) {
            writeProject(project, model.baseUrl());

            Result run = vigil(project, Map.of("FIX_KEY", KEY), "fix", ".", "--model=hosted", "--candidates", "2",
                    "--rule", "java/sql-injection", "--format", "json", "--no-cache");

            assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
            assertEquals(3, asked.get(), "candidate 1, candidate 2 and its repair retry");
            JsonNode fixes = LoopbackModelServer.JSON.readTree(run.out()).path("fixes");
            JsonNode notFixed = fixes.path(0).path("status").asText().equals("not-fixed") ? fixes.path(0) : fixes.path(1);
            assertEquals(13, notFixed.path("line").asInt());
            JsonNode attempts = notFixed.path("modelAttempts");
            assertEquals(2, attempts.size(), notFixed.toString());
            assertTrue(attempts.path(0).asText().contains("changes code outside the method"), attempts.toString());
            assertTrue(attempts.path(1).asText().contains("the answer is not valid"), attempts.toString());
            assertTrue(notFixed.path("reason").asText().contains("no model-written fix verified"), notFixed.toString());
            assertTrue(run.err().contains("not fixed  src/shop/Orders.java:13 java/sql-injection"), run.err());
            assertEquals(ORDERS, Files.readString(project.resolve("src/shop/Orders.java")));
        }
    }

    @Test
    void aModelFixThatBreaksTheProjectsTestsIsRejectedAndSaysSo(@TempDir Path project) throws Exception {
        try (LoopbackModelServer model = server(req -> LoopbackModelServer.answer(answer(GOOD), 10, 10))) {
            writeProject(project, model.baseUrl());
            // The project's "tests" fail whenever the model's rewrite is in the file, or when they can see the key.
            Result run = vigil(project, Map.of("FIX_KEY", KEY), "fix", ".", "--model", "--candidates", "1",
                    "--verify", "tests", "--test-command", "test -z \"$FIX_KEY\" && ! grep -q column src/shop/Orders.java",
                    "--apply",
                    "--format", "json");

            assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
            JsonNode fixes = LoopbackModelServer.JSON.readTree(run.out()).path("fixes");
            JsonNode byModel = fixes.path(0).path("line").asInt() == 13 ? fixes.path(0) : fixes.path(1);
            assertEquals("not-fixed", byModel.path("status").asText(), run.out());
            assertTrue(byModel.path("reason").asText().startsWith("model-written fix (profile hosted, candidate 1) rejected:"
                    + " verification failed: the project's tests fail with this fix: the test command exited with 1"),
                    byModel.toString());
            // The tests narrow the failure down to the model's fix: the recipe's fix in the same file is kept.
            JsonNode byRecipe = byModel == fixes.path(0) ? fixes.path(1) : fixes.path(0);
            assertEquals("fixed", byRecipe.path("status").asText(), run.out());
            String written = Files.readString(project.resolve("src/shop/Orders.java"));
            assertTrue(written.contains("WHERE owner = ?"), written);
            assertFalse(written.contains("column"), "the model's rewrite is not written: " + written);
        }
    }

    @Test
    void aServerErrorStopsTheModelButKeepsTheRecipesFixes(@TempDir Path project) throws Exception {
        try (LoopbackModelServer model = server(req -> new LoopbackModelServer.Reply(500,
                "{\"error\":{\"message\":\"internal error for key " + KEY + "\"}}"))) {
            writeProject(project, model.baseUrl());

            Result run = vigil(project, Map.of("FIX_KEY", KEY), "fix", ".", "--model");

            assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().contains("every model profile for fix failed: hosted: HTTP 500"), run.err());
            assertTrue(run.out().contains("statement.setString(1, owner);"), "the recipe's diff is still printed: " + run.out());
            assertFalse(run.err().contains(KEY), run.err());
            assertFalse(run.out().contains(KEY), run.out());
        }
    }

    @Test
    void withoutModelNothingIsSentAndTheSummarySaysHowToAsk(@TempDir Path project) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (LoopbackModelServer model = server(req -> {
            asked.incrementAndGet();
            return LoopbackModelServer.answer(answer(GOOD), 10, 10);
        })) {
            writeProject(project, model.baseUrl());
            Files.writeString(project.resolve("src/shop/Links.java"), """
                    package shop;

                    class Links {
                        java.io.InputStream open(javax.servlet.http.HttpServletRequest req) throws Exception {
                            return new java.net.URL(req.getParameter("u")).openStream();
                        }
                    }
                    """);

            Result plain = vigil(project, Map.of(), "fix", ".", "--rule", "java/ssrf");
            assertEquals(0, asked.get());
            assertTrue(plain.err().contains("no deterministic fix for this rule (add --model to try model-written fixes"),
                    plain.toString());

            Result dry = vigil(project, Map.of(), "fix", ".", "--model", "--dry-run", "--candidates", "2");
            assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
            assertEquals(0, asked.get());
            assertEquals("", dry.out());
            assertTrue(dry.err().contains("dry run: would send up to 4 requests"), dry.err());

            Files.delete(project.resolve("vigil.yaml"));
            Result none = vigil(project, Map.of(), "fix", ".", "--rule", "java/ssrf");
            assertTrue(none.err().contains("(no model configured for model-written fixes"), none.err());
            Result unconfigured = vigil(project, Map.of(), "fix", ".", "--model");
            assertEquals(ExitCodes.USAGE, unconfigured.exitCode(), unconfigured.err());
            assertTrue(unconfigured.err().contains("no model configured"), unconfigured.err());
        }
    }
}
