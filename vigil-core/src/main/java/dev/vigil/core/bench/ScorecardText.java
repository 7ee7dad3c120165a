package dev.vigil.core.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text and Markdown scorecards: an overall table with one row per tool, a score-by-category
 * table with one column per tool (the side-by-side view), then each tool's counts per category.
 * Rates are shown as percentages with two decimals; use JSON for exact values.
 */
public final class ScorecardText {

    private ScorecardText() {
    }

    public static String text(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append(title(report)).append("\n\n");
        for (Section s : sections(report)) {
            out.append(s.title()).append('\n').append(s.table().text()).append('\n');
        }
        out.append(footnote()).append('\n');
        return out.toString();
    }

    public static String markdown(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(Table.escapeMarkdown(title(report))).append("\n\n");
        for (Section s : sections(report)) {
            out.append("## ").append(Table.escapeMarkdown(s.title())).append("\n\n").append(s.table().markdown()).append('\n');
        }
        out.append(footnote()).append('\n');
        return out.toString();
    }

    record Section(String title, Table table) {
    }

    static String title(BenchReport report) {
        return "Scorecard for " + report.expectedSource() + " (" + report.testCases() + " test cases"
                + (report.equivalences().isEmpty() ? "" : "; CWE equivalences " + String.join(", ", report.equivalences()))
                + ")";
    }

    static String footnote() {
        return "Score = TPR - FPR. Overall rates are unweighted means over categories; a rate with a zero denominator is 0.";
    }

    static List<Section> sections(BenchReport report) {
        List<Section> sections = new ArrayList<>();
        Table overall = new Table(List.of("Tool", "TPR", "FPR", "Score", "Precision", "F1", "TP", "FN", "FP", "TN"));
        for (Scorecard s : report.scorecards()) {
            Counts t = s.totals();
            overall.row(List.of(s.tool(), Table.percent(s.tpr()), Table.percent(s.fpr()), Table.percent(s.score()),
                    Table.percent(s.precision()), Table.percent(s.f1()),
                    str(t.tp()), str(t.fn()), str(t.fp()), str(t.tn())));
        }
        sections.add(new Section("Overall", overall));

        if (!report.scorecards().isEmpty()) {
            List<String> header = new ArrayList<>(List.of("Category (CWE)"));
            report.scorecards().forEach(s -> header.add(s.tool() + " score (TPR/FPR)"));
            Table byCategory = new Table(header);
            List<CategoryScore> first = report.scorecards().get(0).categories();
            for (int i = 0; i < first.size(); i++) {
                List<String> row = new ArrayList<>(List.of(first.get(i).category() + " (" + first.get(i).cwe() + ")"));
                for (Scorecard s : report.scorecards()) {
                    Counts c = s.categories().get(i).counts();
                    row.add(Table.percent(c.score()) + " (" + Table.percent(c.tpr()) + "/" + Table.percent(c.fpr()) + ")");
                }
                byCategory.row(row);
            }
            sections.add(new Section("Score by category", byCategory));
        }

        for (Scorecard s : report.scorecards()) {
            Table detail = new Table(List.of("Category", "CWE", "TP", "FN", "FP", "TN", "TPR", "FPR", "Score", "Precision", "F1"));
            for (CategoryScore cs : s.categories()) {
                Counts c = cs.counts();
                detail.row(List.of(cs.category(), str(cs.cwe()), str(c.tp()), str(c.fn()), str(c.fp()), str(c.tn()),
                        Table.percent(c.tpr()), Table.percent(c.fpr()), Table.percent(c.score()),
                        Table.percent(c.precision()), Table.percent(c.f1())));
            }
            sections.add(new Section(s.tool() + " (" + s.source() + "): " + s.resultsMatched()
                    + " results in test case files, " + s.resultsIgnored() + " elsewhere ignored", detail));
        }
        return sections;
    }

    private static String str(int i) {
        return Integer.toString(i);
    }
}
