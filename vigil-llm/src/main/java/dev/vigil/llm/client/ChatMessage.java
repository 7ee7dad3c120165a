package dev.vigil.llm.client;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation in a provider-neutral form; the clients translate it to each wire format.
 *
 * @param toolCalls calls an assistant turn made (empty otherwise)
 * @param toolCallId for {@link Role#TOOL} turns: the call this result answers
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId) {

    public enum Role {
        USER, ASSISTANT, TOOL
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content, List.of(), null);
    }

    public static ChatMessage assistant(String content, List<ToolCall> calls) {
        return new ChatMessage(Role.ASSISTANT, content, calls, null);
    }

    public static ChatMessage toolResult(String callId, String content) {
        return new ChatMessage(Role.TOOL, content, List.of(), callId);
    }
}
