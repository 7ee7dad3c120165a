package dev.vigil.core.bench;

import java.util.ArrayList;
import java.util.List;

/** A small table rendered either as aligned plain text or as a Markdown table; the first column is left-aligned, the others right-aligned. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    Table row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    List<String> header() {
        return header;
    }

    List<List<String>> rows() {
        return rows;
    }

    String text() {
        int[] width = widths();
        StringBuilder out = new StringBuilder();
        appendText(out, header, width);
        int total = 0;
        for (int w : width) {
            total += w;
        }
        out.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
        rows.forEach(r -> appendText(out, r, width));
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header.stream().map(Table::escapeMarkdown).toList())).append(" |\n");
        out.append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append(i == 0 ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (List<String> r : rows) {
            out.append("| ").append(String.join(" | ", r.stream().map(Table::escapeMarkdown).toList())).append(" |\n");
        }
        return out.toString();
    }

    private int[] widths() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        return width;
    }

    private static void appendText(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            line.append(i == 0 ? c + pad : pad + c);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Tool names and file names come from input files: keep them from breaking the table. */
    static String escapeMarkdown(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ");
    }

    static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
