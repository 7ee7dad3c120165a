package dev.vigil.llm.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON schema an answer must follow, with a short name ({@code response_format.json_schema.name}). */
public record ResponseSchema(String name, JsonNode schema) {
}
