package dev.vigil.llm.session;

import static dev.vigil.llm.testing.ScriptedModelServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.llm.budget.Budget;
import dev.vigil.llm.budget.UsageLedger;
import dev.vigil.llm.client.ChatMessage;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ResponseSchema;
import dev.vigil.llm.client.ToolCall;
import dev.vigil.llm.client.ToolSpec;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Stage;
import dev.vigil.llm.testing.Profiles;
import dev.vigil.llm.testing.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSessionTest {

    private static final String KEY = "sk-test-0123456789abcdefSECRET";
    private static final Map<String, String> ENV = Map.of("PRIMARY_KEY", KEY, "BACKUP_KEY", "bk-other-key-9876543210");
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));

    private ScriptedModelServer primary;
    private ScriptedModelServer backup;
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        primary = new ScriptedModelServer();
        backup = new ScriptedModelServer();
    }

    @AfterEach
    void stop() {
        primary.close();
        backup.close();
    }

    private ModelSession session(Path cache, Budget budget, boolean dryRun, ModelProfile... chain) {
        return new ModelSession(Profiles.config(chain),
                new SessionOptions(ENV, cache, budget, dryRun, null, FAST, notices::add));
    }

    private static ChatRequest request(String text) {
        JsonNode schema = ScriptedModelServer.JSON.createObjectNode().put("type", "object");
        return new ChatRequest("system prompt", List.of(ChatMessage.user(text)), new ResponseSchema("answer", schema),
                List.of(), 0.0, 256, 0);
    }

    private static Outcome.Answered answered(Outcome o) {
        return assertInstanceOf(Outcome.Answered.class, o);
    }

    @Test
    void openAiWireFormatUsageAndAuthHeader() throws Exception {
        primary.enqueue(ScriptedModelServer.openAi("{\"ok\":true}", 120, 30));
        ModelSession s = session(null, null, false, Profiles.openAi("primary", primary, "PRIMARY_KEY"));

        Outcome.Answered a = answered(s.complete(Stage.TRIAGE, request("hello"), r -> true));

        assertEquals("{\"ok\":true}", a.response().text());
        assertEquals(120, a.response().usage().inputTokens());
        assertEquals(30, a.response().usage().outputTokens());
        assertFalse(a.response().usage().estimated());
        ScriptedModelServer.Recorded r = primary.requests().get(0);
        assertEquals("/v1/chat/completions", r.path());
        assertEquals("Bearer " + KEY, r.header("Authorization"));
        assertEquals("model-primary", r.body().path("model").asText());
        assertEquals("json_schema", r.body().path("response_format").path("type").asText());
        assertEquals("answer", r.body().path("response_format").path("json_schema").path("name").asText());
        assertEquals("system", r.body().path("messages").path(0).path("role").asText());
        UsageLedger.Line line = s.ledger().lines().get(0);
        assertEquals(1, line.requests());
        assertEquals(150, line.inputTokens() + line.outputTokens());
        assertEquals((120 * 1.0 + 30 * 2.0) / 1e6, line.cost(), 1e-12);
    }

    @Test
    void missingUsageIsEstimated() throws Exception {
        primary.enqueue(ScriptedModelServer.openAi("{\"ok\":true}", -1, -1));
        ModelSession s = session(null, null, false, Profiles.openAi("primary", primary, null));
        Outcome.Answered a = answered(s.complete(Stage.TRIAGE, request("hello there"), r -> true));
        assertTrue(a.response().usage().estimated());
        assertTrue(a.response().usage().inputTokens() > 0);
        assertEquals(1, s.ledger().lines().get(0).estimatedRequests());
        assertEquals(null, primary.requests().get(0).header("Authorization"), "no key configured, no header");
    }

    @Test
    void anthropicForcedAnswerToolAndHeaders() throws Exception {
        primary.enqueue(ScriptedModelServer.anthropicToolUse("answer", "{\"ok\":1}", 40, 9));
        ModelSession s = session(null, null, false, Profiles.anthropic("claude", primary, "PRIMARY_KEY"));

        Outcome.Answered a = answered(s.complete(Stage.TRIAGE, request("hi"), r -> true));

        assertEquals("{\"ok\":1}", a.response().text());
        assertEquals(40, a.response().usage().inputTokens());
        ScriptedModelServer.Recorded r = primary.requests().get(0);
        assertEquals("/v1/messages", r.path());
        assertEquals(KEY, r.header("x-api-key"));
        assertEquals("2023-06-01", r.header("anthropic-version"));
        assertEquals("system prompt", r.body().path("system").asText());
        assertEquals("answer", r.body().path("tool_choice").path("name").asText());
        assertEquals("object", r.body().path("tools").path(0).path("input_schema").path("type").asText());
        assertEquals(256, r.body().path("max_tokens").asInt());
    }

    @Test
    void toolCallsRoundTripInBothProtocols() throws Exception {
        JsonNode params = ScriptedModelServer.JSON.readTree("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}");
        ChatRequest withTools = new ChatRequest("sys", List.of(ChatMessage.user("look"),
                ChatMessage.assistant("", List.of(new ToolCall("c0", "read_method", "{\"name\":\"a\"}"))),
                ChatMessage.toolResult("c0", "void a() {}")), null,
                List.of(new ToolSpec("read_method", "Reads a method", params)), 0.0, 128, 0);

        primary.enqueue(ScriptedModelServer.openAiToolCall("c1", "read_method", "{\"name\":\"b\"}", 10, 5));
        ModelSession s = session(null, null, false, Profiles.openAi("primary", primary, null));
        Outcome.Answered a = answered(s.complete(Stage.AUDIT, withTools, r -> true));
        assertEquals(List.of(new ToolCall("c1", "read_method", "{\"name\":\"b\"}")), a.response().toolCalls());
        JsonNode sent = primary.requests().get(0).body();
        assertEquals("read_method", sent.path("tools").path(0).path("function").path("name").asText());
        assertEquals("c0", sent.path("messages").path(2).path("tool_calls").path(0).path("id").asText());
        assertEquals("tool", sent.path("messages").path(3).path("role").asText());

        backup.enqueue(Reply.json(200, "{\"content\":[{\"type\":\"text\",\"text\":\"checking\"},"
                + "{\"type\":\"tool_use\",\"id\":\"tu1\",\"name\":\"read_method\",\"input\":{\"name\":\"c\"}}],"
                + "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":11,\"output_tokens\":6}}"));
        ModelSession s2 = session(null, null, false, Profiles.anthropic("claude", backup, null));
        Outcome.Answered b = answered(s2.complete(Stage.AUDIT, withTools, r -> true));
        assertEquals("checking", b.response().text());
        assertEquals(List.of(new ToolCall("tu1", "read_method", "{\"name\":\"c\"}")), b.response().toolCalls());
        JsonNode sent2 = backup.requests().get(0).body();
        assertEquals("tool_use", sent2.path("messages").path(1).path("content").path(0).path("type").asText());
        assertEquals("tool_result", sent2.path("messages").path(2).path("content").path(0).path("type").asText());
        assertFalse(sent2.has("tool_choice"), "no forced answer tool when the request has its own tools");
    }

    @Test
    void retriesOn429HonouringRetryAfterAnd500ThenSucceeds() throws Exception {
        primary.enqueue(Reply.json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "1"),
                Reply.json(500, "{\"error\":\"boom\"}"),
                ScriptedModelServer.openAi("{}", 5, 1));
        ModelSession s = session(null, null, false, Profiles.openAi("primary", primary, null));

        answered(s.complete(Stage.TRIAGE, request("x"), r -> true));

        List<ScriptedModelServer.Recorded> reqs = primary.requests();
        assertEquals(3, reqs.size());
        long waitedMillis = (reqs.get(1).atNanos() - reqs.get(0).atNanos()) / 1_000_000;
        assertTrue(waitedMillis >= 950, "Retry-After: 1 was honoured, waited " + waitedMillis + " ms");
        assertTrue(notices.isEmpty(), "no failover notice: " + notices);
    }

    @Test
    void failsOverInConfiguredOrderWithNoticeAndStaysFailedOver() throws Exception {
        // The server echoes the rejected key, as some real servers do.
        primary.fallback(r -> Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
        backup.fallback(r -> ScriptedModelServer.openAi("{\"from\":\"backup\"}", 3, 2));
        ModelSession s = session(null, null, false, Profiles.openAi("primary", primary, "PRIMARY_KEY"),
                Profiles.openAi("backup", backup, "BACKUP_KEY"));

        Outcome.Answered first = answered(s.complete(Stage.TRIAGE, request("1"), r -> true));
        Outcome.Answered second = answered(s.complete(Stage.TRIAGE, request("2"), r -> true));

        assertEquals("backup", first.profile().name());
        assertEquals("backup", second.profile().name());
        assertEquals(1, primary.requestCount(), "a refusal is not retried and the profile is not tried again");
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).startsWith("model profile 'backup' took over from 'primary': authentication failed (HTTP 401"),
                notices.get(0));
        assertFalse(notices.get(0).contains(KEY));
        assertFalse(notices.get(0).contains(KEY.substring(0, 8)));
    }

    @Test
    void modelNotFoundAndTimeoutFailOverAndAllFailedListsEveryReason() throws Exception {
        primary.fallback(r -> Reply.json(404, "{\"error\":{\"message\":\"The model `model-primary` does not exist\"}}"));
        backup.fallback(r -> ScriptedModelServer.openAi("{}", 1, 1).delayed(1500));
        ModelProfile slow = Profiles.withTimeout(Profiles.openAi("backup", backup, "BACKUP_KEY"), Duration.ofMillis(300), 1);
        ModelSession s = session(null, null, false, Profiles.openAi("primary", primary, "PRIMARY_KEY"), slow);

        AllProfilesFailedException e = assertThrows(AllProfilesFailedException.class,
                () -> s.complete(Stage.TRIAGE, request("x"), r -> true));

        assertEquals(List.of("primary", "backup"), List.copyOf(e.reasons().keySet()));
        assertTrue(e.reasons().get("primary").startsWith("model or endpoint not found (HTTP 404"), e.getMessage());
        assertTrue(e.reasons().get("backup").startsWith("no answer within 300 ms (after 2 attempts)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("every model profile for triage failed: primary: "), e.getMessage());
        assertEquals(2, backup.requestCount(), "one retry after the timeout");
        assertFalse(e.getMessage().contains(KEY));
        assertEquals(1, notices.size(), notices.toString());
    }

    @Test
    void garbledWireResponseIsRetried() throws Exception {
        primary.enqueue(Reply.json(200, "{not json"), ScriptedModelServer.openAi("{}", 1, 1));
        ModelSession s = session(null, null, false, Profiles.openAi("primary", primary, null));
        answered(s.complete(Stage.TRIAGE, request("x"), r -> true));
        assertEquals(2, primary.requestCount());
    }

    @Test
    void cacheAnswersReRunWithZeroRequestsAndHoldsNoKey(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        primary.fallback(r -> ScriptedModelServer.openAi("{\"n\":1}", 10, 2));
        ModelProfile p = Profiles.openAi("primary", primary, "PRIMARY_KEY");

        answered(session(cache, null, false, p).complete(Stage.TRIAGE, request("x"), r -> true));
        assertEquals(1, primary.requestCount());

        ModelSession again = session(cache, null, false, p);
        Outcome.Answered hit = answered(again.complete(Stage.TRIAGE, request("x"), r -> true));
        assertTrue(hit.fromCache());
        assertEquals("{\"n\":1}", hit.response().text());
        assertEquals(1, primary.requestCount(), "re-run sent nothing");
        assertEquals(1, again.ledger().lines().get(0).cacheHits());

        // A different prompt is a miss; a rejected answer is not cached.
        answered(again.complete(Stage.TRIAGE, request("y"), r -> false));
        answered(again.complete(Stage.TRIAGE, request("y"), r -> true));
        assertEquals(3, primary.requestCount());

        try (Stream<Path> files = Files.walk(cache)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains(KEY) || text.contains("PRIMARY_KEY"), f + " holds the key");
                assertTrue(f.toString().endsWith(".json"), "no temp files left: " + f);
            }
        }
    }

    @Test
    void budgetStopsSendingAndStaysStopped() throws Exception {
        primary.fallback(r -> ScriptedModelServer.openAi("{}", 100, 100));
        // Each request really uses 200 tokens: sending goes on while less than 410 are spent (0, 200, 400).
        ModelSession s = session(null, new Budget(410, 0), false, Profiles.openAi("primary", primary, null));
        answered(s.complete(Stage.TRIAGE, request("a"), r -> true));
        answered(s.complete(Stage.TRIAGE, request("b"), r -> true));
        answered(s.complete(Stage.TRIAGE, request("c"), r -> true));
        assertInstanceOf(Outcome.BudgetExhausted.class, s.complete(Stage.TRIAGE, request("d"), r -> true));
        assertInstanceOf(Outcome.BudgetExhausted.class, s.complete(Stage.TRIAGE, request(""), r -> true));
        assertEquals(3, primary.requestCount());
        assertEquals(600, s.budget().spentTokens());

        ModelSession costly = session(null, new Budget(0, 0.0002), false, Profiles.openAi("primary", primary, null));
        answered(costly.complete(Stage.TRIAGE, request("a"), r -> true)); // 100*1 + 100*2 per 1e6 = $0.0003
        assertInstanceOf(Outcome.BudgetExhausted.class, costly.complete(Stage.TRIAGE, request("b"), r -> true));
    }

    @Test
    void dryRunSendsNothing(@TempDir Path dir) throws Exception {
        ModelSession s = session(dir.resolve("c"), null, true, Profiles.openAi("primary", primary, null));
        Outcome o = s.complete(Stage.TRIAGE, request("some prompt text"), r -> true);
        Outcome.NotSent n = assertInstanceOf(Outcome.NotSent.class, o);
        assertTrue(n.estimatedInputTokens() > 0);
        assertEquals(0, primary.requestCount());
        assertEquals(1, s.ledger().totalRequests());
    }

    @Test
    void concurrencyPerProfileIsBounded() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        primary.fallback(r -> {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return ScriptedModelServer.openAi("{}", 1, 1);
        });
        ModelSession s = session(null, null, false, Profiles.withConcurrency(Profiles.openAi("primary", primary, null), 2));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                int n = i;
                pool.submit(() -> s.complete(Stage.TRIAGE, request("r" + n), r -> true));
            }
        }
        assertEquals(8, primary.requestCount());
        assertTrue(peak.get() <= 2, "peak concurrency " + peak.get());
    }
}
