package dev.vigil.java.corpus;

import java.util.Objects;

/**
 * One rule named by a {@code // vigil: expect|safe} comment.
 *
 * @param file path relative to the scanned directory, '/' separators
 * @param line 1-based line of the comment, which is the sink line
 */
record Marker(String file, int line, Kind kind, String ruleId) {

    enum Kind {
        /** The line must be reported for the rule. */
        EXPECT,
        /** A look-alike that must not be reported for the rule. */
        SAFE
    }

    Marker {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
    }

    LineKey key() {
        return new LineKey(file, line, ruleId);
    }
}
