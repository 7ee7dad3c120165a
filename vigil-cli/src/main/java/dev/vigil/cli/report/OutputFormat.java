package dev.vigil.cli.report;

/** The report formats of {@code vigil scan --format}. */
public enum OutputFormat {
    TEXT, JSON, SARIF
}
