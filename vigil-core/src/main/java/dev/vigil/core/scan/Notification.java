package dev.vigil.core.scan;

import java.util.Objects;

/**
 * Something the user must know about the scan itself, not about the code: a file that could not be
 * read or parsed, a budget that was hit. SARIF carries these as {@code toolExecutionNotifications}.
 *
 * @param file the file concerned, relative to the scan root with '/' separators, or null
 * @param line 1-based line, or 0 when unknown
 */
public record Notification(Level level, String file, int line, String message) {

    public enum Level {
        ERROR, WARNING, NOTE;

        public String sarifLevel() {
            return switch (this) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "note";
            };
        }
    }

    public Notification {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    public static Notification warning(String file, String message) {
        return new Notification(Level.WARNING, file, 0, message);
    }

    /** "path/File.java: message" or "path/File.java:12: message", as compilers print them. */
    public String text() {
        if (file == null) {
            return message;
        }
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
