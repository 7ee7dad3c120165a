package dev.vigil.core.models;

import java.util.List;
import java.util.Set;

/**
 * One row of a models-as-data file. Rows describe library APIs, never project code: which calls
 * return untrusted data, which arguments are dangerous, which calls clean data for which rules, how
 * data moves through a call, and which annotations mark request parameters.
 *
 * <p>Method rows name a type, a method ("<init>" for constructors) and optionally an arity; a row
 * applies to the type and to its subtypes. Positions are written {@code this}, {@code argN},
 * {@code args} (every argument), {@code return}, optionally followed by {@code .[]} for the elements
 * of a collection, array or container.
 */
public sealed interface ModelRow permits ModelRow.Source, ModelRow.ParameterSource, ModelRow.Sink,
        ModelRow.Sanitizer, ModelRow.Summary, ModelRow.TypeFact {

    /** Where the row was written: "bundled:servlet.yml:12" or a path and line. */
    String origin();

    /** A call whose result (or an argument, for out-parameters) is untrusted. */
    record Source(String type, String method, int arity, String output, String kind, String label, String origin)
            implements ModelRow {
    }

    /**
     * Parameters that receive untrusted data: parameters annotated with {@code annotation}, or every
     * parameter of methods annotated with {@code methodAnnotation} (or named like {@code methodPattern})
     * in classes annotated with {@code classAnnotation}. Empty strings mean "any".
     */
    record ParameterSource(String annotation, String methodAnnotation, String classAnnotation, String methodPattern,
                           String parameterType, String kind, String label, String origin) implements ModelRow {
    }

    /**
     * A dangerous argument. {@code receiverTag}, when set, limits the row to receivers that carry the
     * tag (a PrintWriter obtained from an HTTP response, not from a file).
     */
    record Sink(String type, String method, int arity, String input, String rule, String receiverTag, String label,
                String origin) implements ModelRow {
    }

    /** A call whose result is safe for the given rules ("all" for every rule). */
    record Sanitizer(String type, String method, int arity, Set<String> rules, String origin) implements ModelRow {
    }

    /** Data moves from {@code from} to {@code to} through a library call. */
    record Summary(String type, String method, int arity, String from, String to, String origin) implements ModelRow {
    }

    /**
     * Facts about a library type for when its jar is missing: its supertypes, the type a method returns,
     * and tags carried by returned values (e.g. "response-writer").
     */
    record TypeFact(String type, List<String> supertypes, String method, String returns, String tag, String origin)
            implements ModelRow {
    }
}
