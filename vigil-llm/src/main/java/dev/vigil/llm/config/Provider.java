package dev.vigil.llm.config;

import java.util.Locale;

/** The wire protocol a profile speaks. */
public enum Provider {
    /** OpenAI-compatible chat completions: OpenAI, vLLM, SGLang, Ollama, llama.cpp, LM Studio. */
    OPENAI,
    /** The Anthropic Messages API. */
    ANTHROPIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Provider parse(String text) {
        for (Provider p : values()) {
            if (p.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + text + "' (expected openai or anthropic)");
    }
}
