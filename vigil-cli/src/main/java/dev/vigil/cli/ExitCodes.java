package dev.vigil.cli;

/** The documented exit codes of every vigil command. */
public final class ExitCodes {

    /** No finding at or above the --fail-on threshold. */
    public static final int OK = 0;
    /** Findings at or above the threshold. */
    public static final int FINDINGS = 1;
    /** Usage or configuration error: unknown option, missing path, unreadable or malformed config. */
    public static final int USAGE = 2;
    /** A bug in Vigil. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return t instanceof UsageException ? USAGE : INTERNAL;
    }
}
