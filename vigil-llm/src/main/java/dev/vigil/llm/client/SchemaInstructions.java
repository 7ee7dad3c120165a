package dev.vigil.llm.client;

/** For servers without structured output: the schema goes into the system prompt as plain instructions. */
final class SchemaInstructions {

    private SchemaInstructions() {
    }

    static String append(String system, ResponseSchema schema) {
        return system + (system.isEmpty() ? "" : "\n\n")
                + "Answer with one JSON object and nothing else (no prose, no code fences). It must validate"
                + " against this JSON schema:\n" + schema.schema().toPrettyString();
    }
}
