package dev.vigil.llm.client;

/** A function call the model asked for; {@code argumentsJson} is untrusted text that must be parsed and checked. */
public record ToolCall(String id, String name, String argumentsJson) {

    public ToolCall {
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }
}
