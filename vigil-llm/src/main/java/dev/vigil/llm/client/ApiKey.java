package dev.vigil.llm.client;

import dev.vigil.llm.config.ModelProfile;
import java.util.Map;

/**
 * An API key held so it cannot leak by accident: {@link #toString()} never shows it, and
 * {@link #redact(String)} scrubs it from any text that came back from a server (some servers echo the
 * key they rejected in the error body).
 */
public final class ApiKey {

    private static final ApiKey NONE = new ApiKey("");
    private static final String MASK = "[redacted]";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    static ApiKey fromEnvironment(ModelProfile profile, Map<String, String> env) {
        if (profile.apiKeyEnv() == null) {
            return NONE;
        }
        String v = env.get(profile.apiKeyEnv());
        return v == null || v.isBlank() ? NONE : new ApiKey(v.trim());
    }

    boolean present() {
        return !value.isEmpty();
    }

    /** The raw value, only for the request header. */
    String reveal() {
        return value;
    }

    /** The text with the key and any 8+ character fragment of its ends replaced by a mask. */
    public String redact(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        String out = text.replace(value, MASK);
        // Servers often echo a shortened key ("sk-abc...wxyz"); scrub the prefix and suffix too.
        if (value.length() >= 16) {
            out = out.replace(value.substring(0, 8), MASK).replace(value.substring(value.length() - 8), MASK);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ApiKey[" + (value.isEmpty() ? "none" : MASK) + "]";
    }
}
