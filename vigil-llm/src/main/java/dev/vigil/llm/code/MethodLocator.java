package dev.vigil.llm.code;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the method or constructor enclosing a line by brace matching over the text, with string
 * literals and comments blanked out. A SARIF file carries no syntax tree, and triage must work on any
 * SARIF, so this is a text heuristic: when it cannot find a method it returns a window around the line.
 */
public final class MethodLocator {

    /** 1-based inclusive line range. */
    public record Range(int start, int end) {
        public int size() {
            return end - start + 1;
        }
    }

    private static final Pattern SIGNATURE = Pattern.compile(
            "[\\w$>\\]]\\s+[\\w$]+\\s*\\([^;]*\\)\\s*(throws\\s+[\\w$.,\\s]+)?$", Pattern.DOTALL);
    private static final Set<String> CONTROL = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "else", "do", "return", "new", "finally");
    private static final int WINDOW = 12;

    private MethodLocator() {
    }

    public static Range enclosing(List<String> lines, int line) {
        if (line < 1 || line > lines.size()) {
            return new Range(Math.max(1, Math.min(line, lines.size())), Math.max(1, Math.min(line, lines.size())));
        }
        String[] code = blank(lines);
        int depth = 0;
        for (int i = line - 1; i >= 0; i--) {
            String l = code[i];
            for (int c = l.length() - 1; c >= 0; c--) {
                char ch = l.charAt(c);
                if (ch == '}') {
                    depth++;
                } else if (ch == '{') {
                    if (depth > 0) {
                        depth--;
                        continue;
                    }
                    int headerStart = headerStart(code, i, c);
                    String header = header(code, headerStart, i, c);
                    if (isMethodHeader(header)) {
                        int end = matchingClose(code, i, c);
                        if (end > 0 && end >= line) {
                            return new Range(withAnnotations(lines, headerStart), end);
                        }
                    }
                }
            }
        }
        return new Range(Math.max(1, line - WINDOW), Math.min(lines.size(), line + WINDOW));
    }

    private static boolean isMethodHeader(String header) {
        String h = header.strip();
        if (h.endsWith("->") || h.isEmpty()) {
            return false;
        }
        String first = h.split("[\\s(]", 2)[0];
        if (CONTROL.contains(first) || h.contains(" new ") || h.startsWith("new ")) {
            return false;
        }
        // Strip annotations with arguments, then check for "Type name(params)".
        String noAnnotations = h.replaceAll("@[\\w$.]+(\\s*\\([^)]*\\))?", " ").strip();
        return SIGNATURE.matcher(noAnnotations).find() || noAnnotations.matches("[\\w$]+\\s*\\([^;]*\\)(\\s*throws[\\w$.,\\s]+)?");
    }

    /** The first line of the declaration whose '{' is at (line, col): up to the previous ';', '{' or '}'. */
    private static int headerStart(String[] code, int line, int col) {
        int start = line;
        for (int i = line; i >= 0 && i > line - 8; i--) {
            String l = i == line ? code[i].substring(0, col) : code[i];
            int stop = Math.max(l.lastIndexOf(';'), Math.max(l.lastIndexOf('{'), l.lastIndexOf('}')));
            if (stop >= 0) {
                start = l.substring(stop + 1).isBlank() && i < line ? i + 1 : i;
                break;
            }
            start = i;
        }
        while (start < line && code[start].isBlank()) {
            start++;
        }
        return start;
    }

    private static String header(String[] code, int from, int line, int col) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= line; i++) {
            String l = i == line ? code[i].substring(0, col) : code[i];
            int stop = Math.max(l.lastIndexOf(';'), Math.max(l.lastIndexOf('{'), l.lastIndexOf('}')));
            sb.append(stop >= 0 ? l.substring(stop + 1) : l).append(' ');
        }
        return sb.toString();
    }

    private static int withAnnotations(List<String> lines, int headerStart) {
        int s = headerStart;
        while (s > 0 && s > headerStart - 4 && lines.get(s - 1).strip().startsWith("@")) {
            s--;
        }
        return s + 1;
    }

    private static int matchingClose(String[] code, int line, int col) {
        int depth = 0;
        for (int i = line; i < code.length; i++) {
            String l = code[i];
            for (int c = i == line ? col : 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (ch == '{') {
                    depth++;
                } else if (ch == '}') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            }
        }
        return -1;
    }

    /** The lines with string/char literals, text blocks and comments replaced by spaces, so braces in them do not count. */
    static String[] blank(List<String> lines) {
        String[] out = new String[lines.size()];
        boolean block = false;
        boolean textBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            StringBuilder sb = new StringBuilder(l.length());
            int c = 0;
            while (c < l.length()) {
                if (block) {
                    int end = l.indexOf("*/", c);
                    int stop = end < 0 ? l.length() : end + 2;
                    sb.append(" ".repeat(stop - c));
                    c = stop;
                    block = end < 0;
                    continue;
                }
                if (textBlock) {
                    int end = l.indexOf("\"\"\"", c);
                    int stop = end < 0 ? l.length() : end + 3;
                    sb.append(" ".repeat(stop - c));
                    c = stop;
                    textBlock = end < 0;
                    continue;
                }
                char ch = l.charAt(c);
                if (l.startsWith("//", c)) {
                    sb.append(" ".repeat(l.length() - c));
                    break;
                } else if (l.startsWith("/*", c)) {
                    block = true;
                    sb.append("  ");
                    c += 2;
                } else if (l.startsWith("\"\"\"", c)) {
                    textBlock = true;
                    sb.append("   ");
                    c += 3;
                } else if (ch == '"' || ch == '\'') {
                    int j = c + 1;
                    while (j < l.length() && l.charAt(j) != ch) {
                        j += l.charAt(j) == '\\' ? 2 : 1;
                    }
                    int stop = Math.min(l.length(), j + 1);
                    sb.append(" ".repeat(stop - c));
                    c = stop;
                } else {
                    sb.append(ch);
                    c++;
                }
            }
            out[i] = sb.toString();
        }
        return out;
    }
}
