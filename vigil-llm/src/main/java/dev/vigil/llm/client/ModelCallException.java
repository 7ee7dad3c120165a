package dev.vigil.llm.client;

import java.time.Duration;

/**
 * A failed attempt, classified so the caller knows whether to retry, fail over or give up. Messages
 * carry the HTTP status and a short, key-redacted excerpt of the body, never request headers.
 */
public final class ModelCallException extends Exception {

    /** What kind of failure this is. */
    public enum Kind {
        /** 429, 5xx, timeout, connection error, garbled response: worth retrying the same profile. */
        TRANSIENT,
        /** 401/403, model not found, region blocked: this profile will not work; fail over at once. */
        REFUSED,
        /** Any other 4xx: the server rejects this request (for example an unsupported parameter); fail over. */
        REJECTED
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public ModelCallException(Kind kind, int status, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
