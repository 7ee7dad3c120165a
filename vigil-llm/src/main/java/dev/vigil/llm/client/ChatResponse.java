package dev.vigil.llm.client;

import java.util.List;

/** A model's answer: text and/or tool calls, usage and why it stopped ("stop", "length", "tool_calls", ...). */
public record ChatResponse(String text, List<ToolCall> toolCalls, Usage usage, String stopReason) {

    public ChatResponse {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        stopReason = stopReason == null ? "" : stopReason;
    }
}
