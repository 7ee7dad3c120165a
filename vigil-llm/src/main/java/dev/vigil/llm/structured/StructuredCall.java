package dev.vigil.llm.structured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.llm.client.ChatMessage;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ChatResponse;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Stage;
import dev.vigil.llm.session.AllProfilesFailedException;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.session.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks for a JSON answer and treats it as untrusted input: the text is parsed, validated against the
 * request's schema and, when it fails, the model gets one chance to repair it (seeing its answer and
 * the validation errors). A second failure is a {@link Result.Invalid}: the caller marks the item
 * {@code model-error}; nothing is guessed.
 */
public final class StructuredCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERRORS_SHOWN = 5;

    /** The result of one structured request. */
    public sealed interface Result {

        /** A schema-valid answer. */
        record Valid(JsonNode value, ModelProfile profile, boolean fromCache, boolean repaired) implements Result {
        }

        /** Still not valid after the repair retry; {@code problem} says why (no secrets, bounded length). */
        record Invalid(String problem, ModelProfile profile) implements Result {
        }

        /** Not sent: the budget is exhausted; {@code limits} describes it ("50000 tokens"). */
        record Skipped(String limits) implements Result {
        }

        /** Dry run: counted, not sent. */
        record Planned() implements Result {
        }
    }

    private StructuredCall() {
    }

    public static Result ask(ModelSession session, Stage stage, ChatRequest request) throws AllProfilesFailedException {
        if (request.schema() == null) {
            throw new IllegalArgumentException("a structured call needs a schema");
        }
        JsonNode schema = request.schema().schema();
        Outcome first = session.complete(stage, request, r -> check(r, schema).isEmpty());
        switch (first) {
            case Outcome.BudgetExhausted b -> {
                return new Result.Skipped(b.limits());
            }
            case Outcome.NotSent n -> {
                return new Result.Planned();
            }
            case Outcome.Answered a -> {
                Optional<String> problem = check(a.response(), schema);
                if (problem.isEmpty()) {
                    return new Result.Valid(parse(a.response().text()), a.profile(), a.fromCache(), false);
                }
                List<ChatMessage> messages = new ArrayList<>(request.messages());
                messages.add(ChatMessage.assistant(a.response().text(), List.of()));
                messages.add(ChatMessage.user("Your answer is not valid: " + problem.get()
                        + "\nReply again with only one JSON object that validates against the schema."));
                Outcome second = session.complete(stage, request.withMessages(messages), r -> check(r, schema).isEmpty());
                return switch (second) {
                    case Outcome.BudgetExhausted b -> new Result.Invalid(problem.get()
                            + "; no repair attempt: budget exhausted", a.profile());
                    case Outcome.NotSent n -> new Result.Planned();
                    case Outcome.Answered repaired -> {
                        Optional<String> again = check(repaired.response(), schema);
                        yield again.isEmpty()
                                ? new Result.Valid(parse(repaired.response().text()), repaired.profile(),
                                        repaired.fromCache(), true)
                                : new Result.Invalid(again.get() + " (after one repair attempt)", repaired.profile());
                    }
                };
            }
        }
    }

    /** Empty when the answer is one JSON object valid under the schema; otherwise what is wrong. */
    static Optional<String> check(ChatResponse response, JsonNode schema) {
        JsonNode value;
        try {
            value = parse(response.text());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        List<String> errors = SchemaCheck.validate(schema, value);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        List<String> shown = errors.stream().limit(MAX_ERRORS_SHOWN).toList();
        return Optional.of("answer does not match the schema: " + String.join("; ", shown));
    }

    /**
     * The JSON object in a model's text. Tolerates what models commonly wrap around it (code fences, a
     * sentence before or after) but nothing else: no key guessing, no partial objects.
     */
    static JsonNode parse(String text) {
        String t = text == null ? "" : text.trim();
        int start = t.indexOf('{');
        int end = t.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("answer is not JSON: " + excerpt(t));
        }
        try {
            JsonNode node = JSON.readTree(t.substring(start, end + 1));
            if (!node.isObject()) {
                throw new IllegalArgumentException("answer is not a JSON object: " + excerpt(t));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("answer is not valid JSON (" + e.getOriginalMessage() + "): " + excerpt(t));
        }
    }

    private static String excerpt(String t) {
        String one = t.replaceAll("\\s+", " ");
        return one.isEmpty() ? "(empty)" : one.length() > 120 ? "'" + one.substring(0, 120) + "...'" : "'" + one + "'";
    }
}
