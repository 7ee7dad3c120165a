package dev.vigil.java.corpus;

import java.util.Locale;
import java.util.Map;

/** The per-rule score table printed after a corpus run. */
final class CorpusReport {

    private CorpusReport() {
    }

    static String table(String title, Map<String, RuleTally> tallies, int files, int expectMarkers, int safeMarkers) {
        StringBuilder out = new StringBuilder();
        out.append(title).append(": ").append(files).append(" files, ").append(expectMarkers)
                .append(" expect markers, ").append(safeMarkers).append(" safe markers\n");
        String header = String.format(Locale.ROOT, "%-36s %8s %9s %10s %14s %5s %10s %9s %7s%n",
                "rule", "expected", "found(TP)", "missed(FN)", "unexpected(FP)", "safe", "safe-ok(TN)", "precision", "recall");
        out.append(header);
        RuleTally total = RuleTally.ZERO;
        for (Map.Entry<String, RuleTally> e : tallies.entrySet()) {
            out.append(row(e.getKey(), e.getValue()));
            total = total.plus(e.getValue());
        }
        out.append(row("TOTAL", total));
        return out.toString();
    }

    private static String row(String name, RuleTally t) {
        return String.format(Locale.ROOT, "%-36s %8d %9d %10d %14d %5d %11d %8.1f%% %6.1f%%%n", name, t.expected(),
                t.truePositives(), t.falseNegatives(), t.falsePositives(), t.safe(), t.trueNegatives(),
                100 * t.precision(), 100 * t.recall());
    }
}
