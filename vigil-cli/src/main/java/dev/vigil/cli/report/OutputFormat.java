package dev.vigil.cli.report;

/** The report formats of {@code vigil scan --format}. */
public enum OutputFormat {
    TEXT, JSON, SARIF,
    /** One self-contained HTML page with charts, filters and flow views (see docs/html-report.md). */
    HTML
}
