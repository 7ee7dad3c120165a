package dev.vigil.llm.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.llm.budget.TokenEstimator;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.StructuredOutput;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI-compatible {@code POST {base-url}/chat/completions}: OpenAI itself, vLLM, SGLang, Ollama,
 * llama.cpp. Sends the answer schema as {@code response_format: json_schema} (guided decoding on local
 * servers) unless the profile asks for plain JSON instructions.
 */
public final class OpenAiClient implements ModelClient {

    private final ModelProfile profile;
    private final ApiKey key;
    private final HttpTransport transport;
    private final URI endpoint;

    OpenAiClient(ModelProfile profile, ApiKey key) {
        this.profile = profile;
        this.key = key;
        this.transport = new HttpTransport(profile.timeout(), key);
        this.endpoint = HttpTransport.resolve(profile.baseUrl(), "/chat/completions");
    }

    @Override
    public ModelProfile profile() {
        return profile;
    }

    @Override
    public ChatResponse send(ChatRequest request) throws ModelCallException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key.present()) {
            headers.put("Authorization", "Bearer " + key.reveal());
        }
        JsonNode body = transport.post(endpoint, headers, body(request));
        return parse(body, request);
    }

    ObjectNode body(ChatRequest request) {
        ObjectNode body = HttpTransport.JSON.createObjectNode();
        body.put("model", profile.model());
        ArrayNode messages = body.putArray("messages");
        String system = request.system();
        if (request.schema() != null && profile.structuredOutput() == StructuredOutput.JSON_INSTRUCTIONS) {
            system = SchemaInstructions.append(system, request.schema());
        }
        if (!system.isEmpty()) {
            messages.addObject().put("role", "system").put("content", system);
        }
        for (ChatMessage m : request.messages()) {
            ObjectNode msg = messages.addObject();
            switch (m.role()) {
                case USER -> msg.put("role", "user").put("content", m.content());
                case ASSISTANT -> {
                    msg.put("role", "assistant").put("content", m.content());
                    if (!m.toolCalls().isEmpty()) {
                        ArrayNode calls = msg.putArray("tool_calls");
                        for (ToolCall c : m.toolCalls()) {
                            ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
                            call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
                        }
                    }
                }
                case TOOL -> msg.put("role", "tool").put("tool_call_id", m.toolCallId()).put("content", m.content());
            }
        }
        body.put("temperature", request.temperature());
        body.put("max_tokens", request.maxOutputTokens());
        if (request.schema() != null && profile.structuredOutput() == StructuredOutput.JSON_SCHEMA) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema")
                    .put("name", request.schema().name())
                    .put("strict", true)
                    .set("schema", request.schema().schema());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : request.tools()) {
                tools.addObject().put("type", "function").putObject("function")
                        .put("name", t.name())
                        .put("description", t.description())
                        .set("parameters", t.parameters());
            }
        }
        return body;
    }

    private static ChatResponse parse(JsonNode body, ChatRequest request) throws ModelCallException {
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw new ModelCallException(ModelCallException.Kind.TRANSIENT, 200,
                    "response has no choices[0].message", null);
        }
        String text = message.path("content").isTextual() ? message.path("content").asText() : "";
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode c : message.path("tool_calls")) {
            JsonNode fn = c.path("function");
            JsonNode args = fn.path("arguments");
            calls.add(new ToolCall(c.path("id").asText(""), fn.path("name").asText(""),
                    args.isTextual() ? args.asText() : args.toString()));
        }
        JsonNode usage = body.path("usage");
        Usage u;
        if (usage.path("prompt_tokens").canConvertToLong() && usage.path("completion_tokens").canConvertToLong()) {
            u = new Usage(usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong(), false);
        } else {
            long out = TokenEstimator.estimate(text);
            for (ToolCall c : calls) {
                out += TokenEstimator.estimate(c.argumentsJson());
            }
            u = new Usage(TokenEstimator.estimateInput(request), out, true);
        }
        return new ChatResponse(text, calls, u, choice.path("finish_reason").asText(""));
    }
}
