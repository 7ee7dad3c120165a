package dev.vigil.core.bench;

import java.util.List;
import java.util.Locale;

/** Helpers for the self-contained HTML reports. Output is well-formed XHTML-style markup (every element closed). */
final class Html {

    /** Colors with enough contrast on white; tools beyond the palette reuse it. */
    static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf");

    private Html() {
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0 and serve no purpose in a report
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String head(String title) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
                table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
                td { text-align: right; font-variant-numeric: tabular-nums; }
                td:first-child, th:first-child { text-align: left; }
                th { background: #f3f3f3; }
                .note { color: #555; font-size: 0.9em; }
                svg text { font-size: 12px; font-family: system-ui, sans-serif; }
                </style>
                </head>
                <body>
                """.formatted(escape(title));
    }

    static String tail() {
        return "</body>\n</html>\n";
    }

    static void table(StringBuilder out, Table table) {
        out.append("<table>\n<thead><tr>");
        for (String h : table.header()) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (String cell : row) {
                out.append("<td>").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
