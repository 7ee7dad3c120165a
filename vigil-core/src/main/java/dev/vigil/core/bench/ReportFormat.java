package dev.vigil.core.bench;

import java.util.Locale;

/** The output formats of {@code vigil bench}. */
public enum ReportFormat {
    TEXT, MARKDOWN, JSON, HTML;

    /** "text", "markdown" (or "md"), "json", "html"; case-insensitive. */
    public static ReportFormat parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "markdown", "md" -> MARKDOWN;
            case "json" -> JSON;
            case "html" -> HTML;
            default -> throw new IllegalArgumentException("unknown format '" + s + "' (use text, markdown, json or html)");
        };
    }
}
