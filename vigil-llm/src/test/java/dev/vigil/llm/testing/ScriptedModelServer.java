package dev.vigil.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A model server on loopback that speaks the OpenAI chat-completions ({@code POST /v1/chat/completions})
 * and Anthropic Messages ({@code POST /v1/messages}) wire protocols with scripted replies. Replies are
 * taken from a queue; when it is empty the fallback function answers. Every request is recorded.
 */
public final class ScriptedModelServer implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted HTTP reply. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {

        public static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delayMillis);
        }
    }

    /** One request as the server saw it. */
    public record Recorded(String path, Map<String, List<String>> headers, JsonNode body, long atNanos) {

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Deque<Reply> queue = new ArrayDeque<>();
    private final List<Recorded> requests = new ArrayList<>();
    private volatile Function<Recorded, Reply> fallback = r -> Reply.json(500, "{\"error\":\"no scripted reply\"}");

    public ScriptedModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized ScriptedModelServer enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    public ScriptedModelServer fallback(Function<Recorded, Reply> f) {
        this.fallback = f;
        return this;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public synchronized int requestCount() {
        return requests.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            JsonNode body;
            try {
                body = JSON.readTree(in);
            } catch (IOException e) {
                body = JSON.createObjectNode().put("unparseable", new String(in, StandardCharsets.UTF_8));
            }
            Recorded rec = new Recorded(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body,
                    System.nanoTime());
            Reply reply;
            synchronized (this) {
                requests.add(rec);
                reply = queue.poll();
            }
            if (reply == null) {
                reply = fallback.apply(rec);
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout test); nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- wire-format builders ----

    /** An OpenAI chat completion whose message content is {@code content}; usage omitted when tokens are negative. */
    public static Reply openAi(String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "scripted");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        if (promptTokens >= 0) {
            root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
        }
        return Reply.json(200, root.toString());
    }

    public static Reply openAiToolCall(String id, String name, String argumentsJson, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "tool_calls");
        ObjectNode msg = choice.putObject("message").put("role", "assistant");
        msg.putNull("content");
        ObjectNode call = msg.putArray("tool_calls").addObject().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", argumentsJson);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens);
        return Reply.json(200, root.toString());
    }

    /** An Anthropic message whose only block is a tool_use of {@code toolName} with {@code input}. */
    public static Reply anthropicToolUse(String toolName, String inputJson, int inputTokens, int outputTokens) {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "msg_test").put("type", "message").put("role", "assistant").put("stop_reason", "tool_use");
            root.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_1").put("name", toolName)
                    .set("input", JSON.readTree(inputJson));
            root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
            return Reply.json(200, root.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Reply anthropicText(String text, int inputTokens, int outputTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_test").put("type", "message").put("role", "assistant").put("stop_reason", "end_turn");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return Reply.json(200, root.toString());
    }

    /** The user-visible text of a recorded request (all user messages joined), either protocol. */
    public static String userText(Recorded r) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode m : r.body().path("messages")) {
            if (!"user".equals(m.path("role").asText())) {
                continue;
            }
            JsonNode c = m.path("content");
            if (c.isTextual()) {
                sb.append(c.asText()).append('\n');
            } else {
                for (JsonNode block : c) {
                    sb.append(block.path("text").asText("")).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The system prompt of a recorded request, either protocol. */
    public static String systemText(Recorded r) {
        if (r.body().has("system")) {
            return r.body().path("system").asText();
        }
        for (JsonNode m : r.body().path("messages")) {
            if ("system".equals(m.path("role").asText())) {
                return m.path("content").asText();
            }
        }
        return "";
    }
}
