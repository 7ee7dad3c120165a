package dev.vigil.core.bench;

/** Picks the scorecard renderer for a format. */
public final class ScorecardReports {

    private ScorecardReports() {
    }

    public static String render(BenchReport report, ReportFormat format) {
        return switch (format) {
            case TEXT -> ScorecardText.text(report);
            case MARKDOWN -> ScorecardText.markdown(report);
            case JSON -> ScorecardJson.render(report);
            case HTML -> ScorecardHtml.render(report);
        };
    }
}
