package dev.vigil.java.corpus;

import java.util.Objects;

/**
 * A difference between markers and findings.
 *
 * @param detail for an unexpected finding, its flow from source to sink (may be empty); not part of the
 *     identity, so a known gap still matches when the path the engine takes changes
 */
record Mismatch(Type type, LineKey key, String detail) implements Comparable<Mismatch> {

    enum Type {
        MISSING("missing   "),
        UNEXPECTED("unexpected ");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    Mismatch {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        detail = detail == null ? "" : detail;
    }

    /** The stable form, as written in known-gaps.txt: "missing   taint/sqli/Foo.java:23 java/sql-injection". */
    String id() {
        return type.label() + key.text();
    }

    /** The stable form plus the flow of an unexpected finding, for a readable test failure. */
    String display() {
        return detail.isEmpty() ? id() : id() + " (flow: " + detail + ")";
    }

    @Override
    public int compareTo(Mismatch other) {
        int c = key.compareTo(other.key);
        return c != 0 ? c : type.compareTo(other.type);
    }
}
