package dev.vigil.llm.structured;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates a model's JSON answer against the JSON-schema subset Vigil's own answer schemas use:
 * {@code type} (one or a list), {@code enum}, {@code required}, {@code properties},
 * {@code additionalProperties} (boolean or schema), {@code items}, {@code minItems}/{@code maxItems},
 * {@code minimum}/{@code maximum}, {@code minLength}/{@code maxLength}. Other keywords are ignored,
 * so a schema must not rely on them.
 *
 * <p>Own code rather than a validator library: the schemas are Vigil's, the subset is small, and a
 * library here would be a runtime dependency every consumer of vigil-llm must keep in compile scope
 * (a test-scoped declaration of the same artifact in the CLI module silently removes it at run time).
 */
public final class SchemaCheck {

    private static final int MAX_ERRORS = 20;

    private SchemaCheck() {
    }

    /** Every violation as "path: problem"; empty when the value is valid. */
    public static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (errors.size() >= MAX_ERRORS || schema == null || !schema.isObject()) {
            return;
        }
        JsonNode type = schema.path("type");
        if (!type.isMissingNode() && !matchesType(type, value)) {
            errors.add(path + ": expected " + (type.isArray() ? type.toString() : type.asText()) + ", found " + kind(value));
            return;
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray()) {
            boolean found = false;
            for (JsonNode a : allowed) {
                found |= a.equals(value);
            }
            if (!found) {
                errors.add(path + ": " + value + " is not one of " + allowed);
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.path("minimum").asDouble()) {
                errors.add(path + ": " + value + " is less than the minimum " + schema.path("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.path("maximum").asDouble()) {
                errors.add(path + ": " + value + " is greater than the maximum " + schema.path("maximum"));
            }
        }
        if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
                errors.add(path + ": shorter than " + schema.path("minLength") + " characters");
            }
            if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
                errors.add(path + ": longer than " + schema.path("maxLength") + " characters");
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.path("minItems").asInt()) {
                errors.add(path + ": fewer than " + schema.path("minItems") + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
                errors.add(path + ": more than " + schema.path("maxItems") + " items");
            }
            if (schema.path("items").isObject()) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    errors.add(path + ": required property '" + r.asText() + "' is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(properties.path(field.getKey()), field.getValue(), child, errors);
                } else if (additional.isBoolean() && !additional.asBoolean()) {
                    errors.add(child + ": property is not allowed");
                } else if (additional.isObject()) {
                    check(additional, field.getValue(), child, errors);
                }
            }
        }
    }

    private static boolean matchesType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (matchesType(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
