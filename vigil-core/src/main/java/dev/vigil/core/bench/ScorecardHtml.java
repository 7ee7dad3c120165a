package dev.vigil.core.bench;

import java.util.List;

/**
 * A self-contained HTML page: the TPR-vs-FPR chart (inline SVG, no scripts, no external files) with
 * one point per tool and category plus a larger point for each tool's overall mean, then the tables
 * of the text report. Points above the diagonal do better than random guessing.
 */
public final class ScorecardHtml {

    private static final int SIZE = 440;
    private static final int MARGIN = 50;

    private ScorecardHtml() {
    }

    public static String render(BenchReport report) {
        String title = ScorecardText.title(report);
        StringBuilder out = new StringBuilder(Html.head(title));
        out.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        chart(out, report.scorecards());
        for (ScorecardText.Section s : ScorecardText.sections(report)) {
            out.append("<h2>").append(Html.escape(s.title())).append("</h2>\n");
            Html.table(out, s.table());
        }
        out.append("<p class=\"note\">").append(Html.escape(ScorecardText.footnote())).append("</p>\n");
        out.append(Html.tail());
        return out.toString();
    }

    private static void chart(StringBuilder out, List<Scorecard> scorecards) {
        int full = SIZE + 2 * MARGIN;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(full + 220).append("\" height=\"").append(full)
                .append("\" viewBox=\"0 0 ").append(full + 220).append(' ').append(full)
                .append("\" role=\"img\" aria-label=\"True positive rate versus false positive rate\">\n");
        out.append("<rect x=\"").append(MARGIN).append("\" y=\"").append(MARGIN).append("\" width=\"").append(SIZE)
                .append("\" height=\"").append(SIZE).append("\" fill=\"#fafafa\" stroke=\"#888\"/>\n");
        for (int tick = 0; tick <= 100; tick += 20) {
            double x = x(tick / 100.0);
            double y = y(tick / 100.0);
            out.append("<line x1=\"").append(Html.num(x)).append("\" y1=\"").append(MARGIN).append("\" x2=\"").append(Html.num(x))
                    .append("\" y2=\"").append(MARGIN + SIZE).append("\" stroke=\"#e4e4e4\"/>\n");
            out.append("<line x1=\"").append(MARGIN).append("\" y1=\"").append(Html.num(y)).append("\" x2=\"").append(MARGIN + SIZE)
                    .append("\" y2=\"").append(Html.num(y)).append("\" stroke=\"#e4e4e4\"/>\n");
            out.append("<text x=\"").append(Html.num(x)).append("\" y=\"").append(MARGIN + SIZE + 16)
                    .append("\" text-anchor=\"middle\">").append(tick).append("%</text>\n");
            out.append("<text x=\"").append(MARGIN - 6).append("\" y=\"").append(Html.num(y + 4))
                    .append("\" text-anchor=\"end\">").append(tick).append("%</text>\n");
        }
        // the diagonal: what random guessing scores
        out.append("<line x1=\"").append(Html.num(x(0))).append("\" y1=\"").append(Html.num(y(0))).append("\" x2=\"")
                .append(Html.num(x(1))).append("\" y2=\"").append(Html.num(y(1)))
                .append("\" stroke=\"#999\" stroke-dasharray=\"6 4\"/>\n");
        out.append("<text x=\"").append(MARGIN + SIZE / 2).append("\" y=\"").append(MARGIN + SIZE + 36)
                .append("\" text-anchor=\"middle\">False positive rate</text>\n");
        out.append("<text transform=\"translate(14 ").append(MARGIN + SIZE / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">True positive rate</text>\n");
        for (int t = 0; t < scorecards.size(); t++) {
            Scorecard s = scorecards.get(t);
            String color = Html.PALETTE.get(t % Html.PALETTE.size());
            out.append("<g fill=\"").append(color).append("\">\n");
            for (CategoryScore c : s.categories()) {
                out.append("<circle cx=\"").append(Html.num(x(c.counts().fpr()))).append("\" cy=\"")
                        .append(Html.num(y(c.counts().tpr()))).append("\" r=\"5\" fill-opacity=\"0.75\"><title>")
                        .append(Html.escape(s.tool() + " " + c.category() + ": TPR " + Table.percent(c.counts().tpr())
                                + ", FPR " + Table.percent(c.counts().fpr())))
                        .append("</title></circle>\n");
                out.append("<text x=\"").append(Html.num(x(c.counts().fpr()) + 7)).append("\" y=\"")
                        .append(Html.num(y(c.counts().tpr()) - 5)).append("\" font-size=\"10\">")
                        .append(Html.escape(c.category())).append("</text>\n");
            }
            out.append("<rect x=\"").append(Html.num(x(s.fpr()) - 7)).append("\" y=\"").append(Html.num(y(s.tpr()) - 7))
                    .append("\" width=\"14\" height=\"14\" stroke=\"#000\"><title>")
                    .append(Html.escape(s.tool() + " overall: TPR " + Table.percent(s.tpr()) + ", FPR " + Table.percent(s.fpr())))
                    .append("</title></rect>\n");
            int ly = MARGIN + 10 + 22 * t;
            out.append("<rect x=\"").append(full + 10).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\"/>\n");
            out.append("<text x=\"").append(full + 28).append("\" y=\"").append(ly + 11).append("\" fill=\"#222\">")
                    .append(Html.escape(s.tool())).append("</text>\n");
            out.append("</g>\n");
        }
        int ly = MARGIN + 10 + 22 * scorecards.size() + 10;
        out.append("<text x=\"").append(full + 10).append("\" y=\"").append(ly)
                .append("\" fill=\"#555\" font-size=\"11\">circle: category; square: overall</text>\n");
        out.append("</svg>\n");
    }

    private static double x(double fpr) {
        return MARGIN + fpr * SIZE;
    }

    private static double y(double tpr) {
        return MARGIN + (1 - tpr) * SIZE;
    }
}
