package dev.vigil.llm.client;

import java.util.List;

/**
 * A provider-neutral chat request.
 *
 * @param schema the JSON schema the answer must follow, or null for free text / tool use
 * @param tools tools the model may call (empty for none)
 * @param sample distinguishes otherwise identical requests made for majority voting; part of the
 *     cache key, never sent
 */
public record ChatRequest(
        String system,
        List<ChatMessage> messages,
        ResponseSchema schema,
        List<ToolSpec> tools,
        double temperature,
        int maxOutputTokens,
        int sample) {

    public ChatRequest {
        system = system == null ? "" : system;
        messages = List.copyOf(messages);
        tools = List.copyOf(tools == null ? List.of() : tools);
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be >= 1");
        }
    }

    public ChatRequest withMessages(List<ChatMessage> more) {
        return new ChatRequest(system, more, schema, tools, temperature, maxOutputTokens, sample);
    }
}
