package dev.vigil.core.bench;

import java.util.List;

/**
 * A benchmark input (expected-results CSV, truth file, SARIF file) that cannot be used. The message
 * names the file, and the line when there is one, so the user can fix it without guessing.
 */
public final class BenchInputException extends Exception {

    private final List<String> problems;

    public BenchInputException(String message) {
        this(List.of(message));
    }

    public BenchInputException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Several problems found in one pass over the file, each already prefixed with "file:line:". */
    public BenchInputException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
