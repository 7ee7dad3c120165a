package dev.vigil.llm.config;

import java.util.Locale;

/**
 * How a profile asks for JSON answers. {@code JSON_SCHEMA} sends the schema as {@code response_format}
 * so servers with guided decoding (vLLM, SGLang, llama.cpp, Ollama) enforce it; {@code JSON_INSTRUCTIONS}
 * only describes the schema in the prompt, for servers that reject {@code response_format}.
 */
public enum StructuredOutput {
    JSON_SCHEMA, JSON_INSTRUCTIONS;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static StructuredOutput parse(String text) {
        for (StructuredOutput s : values()) {
            if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown structured-output '" + text + "' (expected json-schema or json-instructions)");
    }
}
