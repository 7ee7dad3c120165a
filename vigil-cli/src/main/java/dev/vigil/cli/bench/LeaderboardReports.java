package dev.vigil.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.bench.TriageLeaderboard.Board;
import dev.vigil.cli.bench.TriageLeaderboard.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the model leaderboard as an aligned text table, a Markdown table or JSON (fields in docs/bench.md). */
final class LeaderboardReports {

    enum Format { TEXT, MARKDOWN, JSON }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> HEADER = List.of("Profile", "Model", "Accuracy", "FP removed", "TP lost",
            "Uncertain", "Agreement", "Errors", "Tokens in", "Tokens out", "Cost", "Time", "Per finding");

    private LeaderboardReports() {
    }

    static Format parse(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "markdown", "md" -> Format.MARKDOWN;
            case "json" -> Format.JSON;
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (use text, markdown or json)");
        };
    }

    static String render(Board board, Format format) {
        return switch (format) {
            case TEXT -> text(board);
            case MARKDOWN -> markdown(board);
            case JSON -> json(board);
        };
    }

    private static String title(Board b) {
        return "Model leaderboard for " + b.labelsFile();
    }

    private static String summary(Board b) {
        Row any = b.rows().isEmpty() ? null : b.rows().get(0);
        String mix = any == null ? "" : " (" + any.truePositives() + " true positives, " + any.falsePositives() + " false positives)";
        return b.matched() + " of " + b.labels() + " labelled findings triaged" + mix + "; " + b.samples()
                + (b.samples() == 1 ? " sample" : " samples") + " per finding"
                + (b.unmatched().isEmpty() ? "" : "; not found in the findings: " + String.join(", ", b.unmatched()));
    }

    private static List<List<String>> cells(Board b) {
        List<List<String>> rows = new ArrayList<>();
        for (Row r : b.rows()) {
            rows.add(List.of(r.profile(), r.model(),
                    percent(r.accuracy()) + " (" + r.correct() + "/" + r.findings() + ")",
                    r.falsePositivesRemoved() + "/" + r.falsePositives(),
                    r.truePositivesLost() + "/" + r.truePositives(),
                    Integer.toString(r.uncertain()),
                    r.agreement() < 0 ? "-" : percent(r.agreement()),
                    r.failure() == null ? Integer.toString(r.modelErrors()) : r.modelErrors() + " (failed)",
                    Long.toString(r.inputTokens()), Long.toString(r.outputTokens()),
                    String.format(Locale.ROOT, "$%.4f", r.costUsd()),
                    String.format(Locale.ROOT, "%.1fs", r.wallMillis() / 1000.0),
                    String.format(Locale.ROOT, "%.0fms", r.millisPerFinding())));
        }
        return rows;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String text(Board b) {
        List<List<String>> rows = cells(b);
        int[] width = new int[HEADER.size()];
        for (List<String> row : concat(HEADER, rows)) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder(title(b)).append("\n\n");
        for (List<String> row : concat(HEADER, rows)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                // names left, numbers right, as in the other bench tables
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(i < 2 ? cell + pad : pad + cell).append(i + 1 < row.size() ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n').append(summary(b)).append('\n');
        failures(b).forEach(f -> out.append(f).append('\n'));
        return out.toString();
    }

    static String markdown(Board b) {
        StringBuilder out = new StringBuilder("# ").append(escape(title(b))).append("\n\n");
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        for (int i = 0; i < HEADER.size(); i++) {
            out.append(i < 2 ? "---|" : "---:|");
        }
        out.append('\n');
        for (List<String> row : cells(b)) {
            out.append("| ").append(String.join(" | ", row.stream().map(LeaderboardReports::escape).toList())).append(" |\n");
        }
        out.append('\n').append(escape(summary(b))).append('\n');
        failures(b).forEach(f -> out.append('\n').append(escape(f)).append('\n'));
        return out.toString();
    }

    private static List<String> failures(Board b) {
        return b.rows().stream().filter(r -> r.failure() != null)
                .map(r -> "Profile " + r.profile() + " failed: " + r.failure()).toList();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    static String json(Board b) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode labels = root.putObject("labels");
        labels.put("file", b.labelsFile());
        labels.put("findings", b.labels());
        labels.put("matched", b.matched());
        ArrayNode unmatched = labels.putArray("unmatched");
        b.unmatched().forEach(unmatched::add);
        root.put("samples", b.samples());
        ArrayNode profiles = root.putArray("profiles");
        for (Row r : b.rows()) {
            ObjectNode p = profiles.addObject();
            p.put("profile", r.profile());
            p.put("model", r.model());
            p.put("findings", r.findings());
            p.put("truePositives", r.truePositives());
            p.put("falsePositives", r.falsePositives());
            p.put("correct", r.correct());
            p.put("accuracy", r.accuracy());
            p.put("falsePositivesRemoved", r.falsePositivesRemoved());
            p.put("falsePositivesRemovedRate", r.falsePositivesRemovedRate());
            p.put("truePositivesLost", r.truePositivesLost());
            p.put("truePositivesLostRate", r.truePositivesLostRate());
            p.put("uncertain", r.uncertain());
            p.put("modelErrors", r.modelErrors());
            if (r.agreement() < 0) {
                p.putNull("agreement");
                p.putNull("unanimous");
            } else {
                p.put("agreement", r.agreement());
                p.put("unanimous", r.unanimous());
            }
            p.put("requests", r.requests());
            p.put("inputTokens", r.inputTokens());
            p.put("outputTokens", r.outputTokens());
            p.put("costUsd", r.costUsd());
            p.put("wallMillis", r.wallMillis());
            p.put("millisPerFinding", r.millisPerFinding());
            if (r.failure() == null) {
                p.putNull("failure");
            } else {
                p.put("failure", r.failure());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the leaderboard as JSON", e);
        }
    }
}
