package dev.vigil.cli.model;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** An OpenAI-compatible chat-completions server on loopback whose answers a function scripts. */
final class LoopbackModelServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final List<JsonNode> requests = new ArrayList<>();
    private final Function<JsonNode, Reply> script;

    LoopbackModelServer(Function<JsonNode, Reply> script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized int requestCount() {
        return requests.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            synchronized (this) {
                requests.add(body);
            }
            Reply reply = script.apply(body);
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** A chat completion whose message content is {@code content}. */
    static Reply answer(String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens);
        return new Reply(200, root.toString());
    }

    /** All user message text of a request. */
    static String userText(JsonNode request) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode m : request.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                sb.append(m.path("content").asText()).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
