package dev.vigil.cli;

/** A user error (bad path, bad option value, malformed config): exit code 2, message only, no stack trace. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
