package dev.vigil.llm.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One named model endpoint. The API key itself is never stored here: only the name of the environment
 * variable that holds it, so a profile can be printed, logged or hashed into a cache key safely.
 *
 * @param apiKeyEnv environment variable holding the key, or null for servers that need none
 * @param inputPricePerMillion USD per million input tokens, for cost accounting (0 for self-hosted)
 * @param outputPricePerMillion USD per million output tokens
 * @param maxRetries retries after the first attempt on 429, 5xx and connection errors
 */
public record ModelProfile(
        String name,
        Provider provider,
        URI baseUrl,
        String model,
        String apiKeyEnv,
        Duration timeout,
        int maxConcurrency,
        int contextWindow,
        double inputPricePerMillion,
        double outputPricePerMillion,
        StructuredOutput structuredOutput,
        int maxRetries) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int DEFAULT_CONTEXT_WINDOW = 32_768;
    public static final int DEFAULT_RETRIES = 3;

    public ModelProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        structuredOutput = structuredOutput == null ? StructuredOutput.JSON_SCHEMA : structuredOutput;
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max-concurrency must be >= 1");
        }
        if (contextWindow < 512) {
            throw new IllegalArgumentException("context-window must be >= 512 tokens");
        }
        if (inputPricePerMillion < 0 || outputPricePerMillion < 0) {
            throw new IllegalArgumentException("prices must be >= 0");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max-retries must be >= 0");
        }
    }

    /** Cost in USD of the given token counts under this profile's prices. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPricePerMillion + outputTokens * outputPricePerMillion) / 1_000_000.0;
    }

    /** "name (provider model)" for notices; never includes the key. */
    public String describe() {
        return name + " (" + provider.label() + " " + model + ")";
    }
}
