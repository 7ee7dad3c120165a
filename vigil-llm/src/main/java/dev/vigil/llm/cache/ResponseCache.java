package dev.vigil.llm.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.llm.client.ChatMessage;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ChatResponse;
import dev.vigil.llm.client.ToolCall;
import dev.vigil.llm.client.ToolSpec;
import dev.vigil.llm.client.Usage;
import dev.vigil.llm.config.ModelProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed answers on disk: the key hashes provider, model, structured-output mode and the
 * whole request (prompt, schema, tools, temperature, token limit, sample number). The base URL and the
 * API key are deliberately not part of it: the same model behind another server gives the same answer,
 * and a key must never reach disk. Entries are written to a temp file and moved into place, so a
 * crash never leaves a half-written entry; an unreadable entry is a miss.
 */
public final class ResponseCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public static String key(ModelProfile profile, ChatRequest request) {
        ObjectNode k = JSON.createObjectNode();
        k.put("v", 1);
        k.put("provider", profile.provider().label());
        k.put("model", profile.model());
        k.put("structuredOutput", profile.structuredOutput().label());
        k.put("system", request.system());
        ArrayNode msgs = k.putArray("messages");
        for (ChatMessage m : request.messages()) {
            ObjectNode o = msgs.addObject().put("role", m.role().name()).put("content", m.content());
            if (m.toolCallId() != null) {
                o.put("toolCallId", m.toolCallId());
            }
            ArrayNode calls = o.putArray("toolCalls");
            for (ToolCall c : m.toolCalls()) {
                calls.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.argumentsJson());
            }
        }
        if (request.schema() != null) {
            k.put("schemaName", request.schema().name());
            k.set("schema", request.schema().schema());
        }
        ArrayNode tools = k.putArray("tools");
        for (ToolSpec t : request.tools()) {
            tools.addObject().put("name", t.name()).put("description", t.description()).set("parameters", t.parameters());
        }
        k.put("temperature", request.temperature());
        k.put("maxOutputTokens", request.maxOutputTokens());
        k.put("sample", request.sample());
        return sha256(k.toString());
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    public Optional<ChatResponse> get(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode c : n.path("toolCalls")) {
                calls.add(new ToolCall(c.path("id").asText(), c.path("name").asText(), c.path("arguments").asText()));
            }
            JsonNode u = n.path("usage");
            return Optional.of(new ChatResponse(n.path("text").asText(""), calls,
                    new Usage(u.path("input").asLong(), u.path("output").asLong(), u.path("estimated").asBoolean()),
                    n.path("stopReason").asText("")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores an answer; a failure to write only costs a future cache miss, so it is reported, not thrown. */
    public Optional<String> put(String key, ModelProfile profile, ChatResponse response) {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", profile.model());
        n.put("provider", profile.provider().label());
        n.put("text", response.text());
        ArrayNode calls = n.putArray("toolCalls");
        for (ToolCall c : response.toolCalls()) {
            calls.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.argumentsJson());
        }
        n.putObject("usage").put("input", response.usage().inputTokens()).put("output", response.usage().outputTokens())
                .put("estimated", response.usage().estimated());
        n.put("stopReason", response.stopReason());
        Path target = file(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), key.substring(0, 8), ".tmp");
            try {
                Files.writeString(tmp, n.toPrettyString(), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot write model cache entry " + target + ": " + e.getMessage());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
