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
 * The Anthropic Messages API, {@code POST {base-url}/v1/messages}. A JSON-schema answer is requested
 * the way that API enforces it: as the input of a single forced tool, whose arguments then are the
 * answer.
 */
public final class AnthropicClient implements ModelClient {

    static final String API_VERSION = "2023-06-01";
    static final String ANSWER_TOOL = "answer";

    private final ModelProfile profile;
    private final ApiKey key;
    private final HttpTransport transport;
    private final URI endpoint;

    AnthropicClient(ModelProfile profile, ApiKey key) {
        this.profile = profile;
        this.key = key;
        this.transport = new HttpTransport(profile.timeout(), key);
        String path = profile.baseUrl().getPath() == null ? "" : profile.baseUrl().getPath();
        this.endpoint = HttpTransport.resolve(profile.baseUrl(), path.replaceAll("/+$", "").endsWith("/v1")
                ? "/messages" : "/v1/messages");
    }

    @Override
    public ModelProfile profile() {
        return profile;
    }

    private boolean forcedAnswerTool(ChatRequest request) {
        return request.schema() != null && request.tools().isEmpty()
                && profile.structuredOutput() == StructuredOutput.JSON_SCHEMA;
    }

    @Override
    public ChatResponse send(ChatRequest request) throws ModelCallException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("anthropic-version", API_VERSION);
        if (key.present()) {
            headers.put("x-api-key", key.reveal());
        }
        JsonNode body = transport.post(endpoint, headers, body(request));
        return parse(body, request, forcedAnswerTool(request));
    }

    ObjectNode body(ChatRequest request) {
        ObjectNode body = HttpTransport.JSON.createObjectNode();
        body.put("model", profile.model());
        body.put("max_tokens", request.maxOutputTokens());
        body.put("temperature", request.temperature());
        String system = request.system();
        if (request.schema() != null && !forcedAnswerTool(request)) {
            system = SchemaInstructions.append(system, request.schema());
        }
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            switch (m.role()) {
                case USER -> messages.addObject().put("role", "user").putArray("content")
                        .addObject().put("type", "text").put("text", m.content());
                case ASSISTANT -> {
                    ArrayNode content = messages.addObject().put("role", "assistant").putArray("content");
                    if (!m.content().isEmpty()) {
                        content.addObject().put("type", "text").put("text", m.content());
                    }
                    for (ToolCall c : m.toolCalls()) {
                        JsonNode input;
                        try {
                            input = HttpTransport.JSON.readTree(c.argumentsJson());
                        } catch (Exception e) {
                            input = HttpTransport.JSON.createObjectNode();
                        }
                        content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name())
                                .set("input", input.isObject() ? input : HttpTransport.JSON.createObjectNode());
                    }
                }
                case TOOL -> {
                    // All results of one assistant turn belong in a single user turn.
                    JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
                    ArrayNode content = last != null && "user".equals(last.path("role").asText())
                            && "tool_result".equals(last.path("content").path(0).path("type").asText())
                            ? (ArrayNode) last.path("content")
                            : messages.addObject().put("role", "user").putArray("content");
                    content.addObject().put("type", "tool_result").put("tool_use_id", m.toolCallId())
                            .put("content", m.content());
                }
            }
        }
        List<ToolSpec> tools = new ArrayList<>(request.tools());
        if (forcedAnswerTool(request)) {
            tools.add(new ToolSpec(ANSWER_TOOL, "Give your answer; its input is the answer.", request.schema().schema()));
            body.putObject("tool_choice").put("type", "tool").put("name", ANSWER_TOOL);
        }
        if (!tools.isEmpty()) {
            ArrayNode arr = body.putArray("tools");
            for (ToolSpec t : tools) {
                arr.addObject().put("name", t.name()).put("description", t.description())
                        .set("input_schema", t.parameters());
            }
        }
        return body;
    }

    private static ChatResponse parse(JsonNode body, ChatRequest request, boolean answerTool) throws ModelCallException {
        if (!body.path("content").isArray()) {
            throw new ModelCallException(ModelCallException.Kind.TRANSIENT, 200, "response has no content array", null);
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : body.path("content")) {
            switch (block.path("type").asText("")) {
                case "text" -> text.append(block.path("text").asText(""));
                case "tool_use" -> {
                    if (answerTool && ANSWER_TOOL.equals(block.path("name").asText())) {
                        text.setLength(0);
                        text.append(block.path("input").toString());
                    } else {
                        calls.add(new ToolCall(block.path("id").asText(""), block.path("name").asText(""),
                                block.path("input").toString()));
                    }
                }
                default -> {
                    // thinking and other block types carry nothing Vigil uses
                }
            }
            if (answerTool && "tool_use".equals(block.path("type").asText()) && ANSWER_TOOL.equals(block.path("name").asText())) {
                break;
            }
        }
        JsonNode usage = body.path("usage");
        Usage u;
        if (usage.path("input_tokens").canConvertToLong() && usage.path("output_tokens").canConvertToLong()) {
            u = new Usage(usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong(), false);
        } else {
            long out = TokenEstimator.estimate(text.toString());
            for (ToolCall c : calls) {
                out += TokenEstimator.estimate(c.argumentsJson());
            }
            u = new Usage(TokenEstimator.estimateInput(request), out, true);
        }
        return new ChatResponse(text.toString(), calls, u, body.path("stop_reason").asText(""));
    }
}
