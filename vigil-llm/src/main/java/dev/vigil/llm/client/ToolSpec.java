package dev.vigil.llm.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool offered to the model: name, what it does, and a JSON schema for its arguments. */
public record ToolSpec(String name, String description, JsonNode parameters) {
}
