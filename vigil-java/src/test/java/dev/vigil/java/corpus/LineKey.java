package dev.vigil.java.corpus;

import java.util.Comparator;

/** What the corpus compares: a rule reported (or not) on one line of one file. */
record LineKey(String file, int line, String ruleId) implements Comparable<LineKey> {

    private static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::file)
            .thenComparingInt(LineKey::line)
            .thenComparing(LineKey::ruleId);

    @Override
    public int compareTo(LineKey other) {
        return ORDER.compare(this, other);
    }

    /** "taint/sqli/Foo.java:23 java/sql-injection". */
    String text() {
        return file + ":" + line + " " + ruleId;
    }
}
