package dev.vigil.llm.session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Backoff between retries of one profile: exponential from {@code base}, capped at {@code max}, with
 * jitter so parallel workers do not retry in lock step. A server's Retry-After wins over the computed
 * delay unless it exceeds {@code maxRetryAfter}, in which case waiting is pointless and the next
 * profile takes over.
 */
public record RetryPolicy(Duration base, Duration max, Duration maxRetryAfter) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(60));
    }

    /** The delay before retry number {@code attempt} (0 for the first retry): half fixed, half random. */
    public Duration backoff(int attempt) {
        long cap = max.toMillis();
        long exp = Math.min(cap, base.toMillis() << Math.min(attempt, 20));
        long half = exp / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
