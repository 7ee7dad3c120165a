package dev.vigil.core.bench;

import java.util.Objects;

/**
 * One row of an expected-results CSV.
 *
 * @param name the test case name; results are attributed to it by the base name of their file
 * @param real true when the test case is a real vulnerability, false when it is a look-alike
 * @param line the 1-based line of the CSV row, for messages
 */
public record TestCase(String name, String category, boolean real, int cwe, int line) {

    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }
}
