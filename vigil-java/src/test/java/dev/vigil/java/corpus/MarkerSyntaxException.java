package dev.vigil.java.corpus;

/** A corpus marker that cannot be trusted: unknown rule id, unknown kind, contradictory rules. */
final class MarkerSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MarkerSyntaxException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
