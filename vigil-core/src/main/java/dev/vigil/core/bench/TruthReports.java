package dev.vigil.core.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link TruthReport} in the four bench formats. JSON:
 *
 * <pre>
 * {"truth": file, "tool": name, "cweEquivalences": [...],
 *  "overall": {"entries", "detected", "detectionRate", "alarms", "javaLines", "alarmsPerKloc", "durationMillis", "errors"},
 *  "entries": [{"id", "project", "cwes", "detected", "hits", "alarms", "javaLines", "alarmsPerKloc", "durationMillis", "error"}]}
 * </pre>
 * durationMillis is null for entries whose results came from a SARIF file.
 */
public final class TruthReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TruthReports() {
    }

    public static String render(TruthReport report, ReportFormat format) {
        return switch (format) {
            case TEXT -> text(report);
            case MARKDOWN -> markdown(report);
            case JSON -> json(report);
            case HTML -> html(report);
        };
    }

    static String title(TruthReport r) {
        return "Real-vulnerability scorecard for " + r.truthSource() + " (" + r.tool() + ")";
    }

    static String summary(TruthReport r) {
        return String.format(Locale.ROOT,
                "Detected %d of %d (%s); %d alarms in %d lines of Java = %.2f per 1000 lines; scan time %s%s",
                r.detected(), r.outcomes().size(), Table.percent(r.detectionRate()), r.alarms(), r.javaLines(),
                r.alarmsPerKloc(), seconds(r.durationMillis()),
                r.errors() == 0 ? "" : "; " + r.errors() + " entr" + (r.errors() == 1 ? "y" : "ies") + " could not be evaluated");
    }

    static Table table(TruthReport r) {
        Table t = new Table(List.of("Entry", "CWE", "Detected", "Alarms", "Java lines", "Alarms/KLOC", "Time", "Evidence"));
        for (TruthOutcome o : r.outcomes()) {
            String evidence = o.error() != null ? "error: " + o.error() : String.join("; ", o.hits());
            t.row(List.of(o.entry().id(),
                    String.join(",", o.entry().cwes().stream().sorted().map(String::valueOf).toList()),
                    o.detected() ? "yes" : "no",
                    Long.toString(o.alarms()), Long.toString(o.javaLines()),
                    String.format(Locale.ROOT, "%.2f", o.alarmsPerKloc()),
                    o.durationMillis() < 0 ? "-" : seconds(o.durationMillis()),
                    evidence));
        }
        return t;
    }

    public static String text(TruthReport r) {
        return title(r) + "\n\n" + table(r).text() + "\n" + summary(r) + "\n";
    }

    public static String markdown(TruthReport r) {
        return "# " + Table.escapeMarkdown(title(r)) + "\n\n" + table(r).markdown() + "\n" + Table.escapeMarkdown(summary(r)) + "\n";
    }

    public static String html(TruthReport r) {
        StringBuilder out = new StringBuilder(Html.head(title(r)));
        out.append("<h1>").append(Html.escape(title(r))).append("</h1>\n");
        out.append("<p>").append(Html.escape(summary(r))).append("</p>\n");
        Html.table(out, table(r));
        out.append(Html.tail());
        return out.toString();
    }

    public static String json(TruthReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("truth", r.truthSource());
        root.put("tool", r.tool());
        ArrayNode eq = root.putArray("cweEquivalences");
        r.equivalences().forEach(eq::add);
        ObjectNode overall = root.putObject("overall");
        overall.put("entries", r.outcomes().size());
        overall.put("detected", r.detected());
        overall.put("detectionRate", r.detectionRate());
        overall.put("alarms", r.alarms());
        overall.put("javaLines", r.javaLines());
        overall.put("alarmsPerKloc", r.alarmsPerKloc());
        overall.put("durationMillis", r.durationMillis());
        overall.put("errors", r.errors());
        ArrayNode entries = root.putArray("entries");
        for (TruthOutcome o : r.outcomes()) {
            ObjectNode e = entries.addObject();
            e.put("id", o.entry().id());
            e.put("project", o.entry().project().toString());
            ArrayNode cwes = e.putArray("cwes");
            new ArrayList<>(o.entry().cwes()).stream().sorted().forEach(cwes::add);
            e.put("detected", o.detected());
            ArrayNode hits = e.putArray("hits");
            o.hits().forEach(hits::add);
            e.put("alarms", o.alarms());
            e.put("javaLines", o.javaLines());
            e.put("alarmsPerKloc", o.alarmsPerKloc());
            if (o.durationMillis() < 0) {
                e.putNull("durationMillis");
            } else {
                e.put("durationMillis", o.durationMillis());
            }
            if (o.error() == null) {
                e.putNull("error");
            } else {
                e.put("error", o.error());
            }
        }
        return ScorecardJson.write(root);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
