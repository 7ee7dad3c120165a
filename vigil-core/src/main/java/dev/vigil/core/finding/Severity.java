package dev.vigil.core.finding;

import java.util.Locale;

/** How bad a finding is. Ordered from most to least severe. */
public enum Severity {
    CRITICAL("error", 9.5),
    HIGH("error", 8.0),
    MEDIUM("warning", 5.5),
    LOW("note", 3.0),
    NOTE("note", 0.0);

    private final String sarifLevel;
    private final double securitySeverity;

    Severity(String sarifLevel, double securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** SARIF {@code result.level}. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** GitHub's {@code security-severity} score (0.0–10.0) for this severity. */
    public double securitySeverity() {
        return securitySeverity;
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "critical", "HIGH", ... ; throws IllegalArgumentException naming the accepted values. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + text + "' (expected one of: critical, high, medium, low, note)");
    }
}
