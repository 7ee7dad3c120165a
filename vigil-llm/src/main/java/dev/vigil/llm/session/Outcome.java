package dev.vigil.llm.session;

import dev.vigil.llm.client.ChatResponse;
import dev.vigil.llm.config.ModelProfile;

/** What became of one request. */
public sealed interface Outcome {

    /** The model answered, now or in an earlier run (from the cache). */
    record Answered(ChatResponse response, ModelProfile profile, boolean fromCache) implements Outcome {
    }

    /** The token or cost budget is spent; nothing was sent. */
    record BudgetExhausted(String limits) implements Outcome {
    }

    /** A dry run: counted, not sent. */
    record NotSent(long estimatedInputTokens, long maxOutputTokens) implements Outcome {
    }
}
