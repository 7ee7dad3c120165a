package dev.vigil.llm.budget;

import dev.vigil.llm.client.ChatMessage;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ToolSpec;

/**
 * Estimates token counts when a server sends no usage fields, and before sending (budgets, dry runs).
 * Four characters per token is the usual rule of thumb for English and code with BPE tokenizers; it
 * errs high for code with long identifiers, which is the safe side for a budget.
 */
public final class TokenEstimator {

    private static final int CHARS_PER_TOKEN = 4;
    private static final int PER_MESSAGE_OVERHEAD = 4;

    private TokenEstimator() {
    }

    public static long estimate(String text) {
        return text == null || text.isEmpty() ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Input tokens the request will cost: system prompt, every message, schema and tool definitions. */
    public static long estimateInput(ChatRequest request) {
        long n = estimate(request.system()) + PER_MESSAGE_OVERHEAD;
        for (ChatMessage m : request.messages()) {
            n += estimate(m.content()) + PER_MESSAGE_OVERHEAD;
            for (var call : m.toolCalls()) {
                n += estimate(call.name()) + estimate(call.argumentsJson());
            }
        }
        if (request.schema() != null) {
            n += estimate(request.schema().schema().toString());
        }
        for (ToolSpec t : request.tools()) {
            n += estimate(t.name()) + estimate(t.description()) + estimate(t.parameters().toString());
        }
        return n;
    }
}
