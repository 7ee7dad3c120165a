package dev.vigil.java.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of one file, in the form {@code git apply} accepts: {@code a/} and {@code b/} path
 * prefixes, three lines of context, line terminators kept as they are in the file (so CRLF files
 * patch cleanly) and "\ No newline at end of file" where the last line has none. The text should
 * include the byte order mark when the file has one, so context on the first line matches.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}; empty when they are equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            ops.add(new Op(' ', a.get(i)));
        }
        ops.addAll(middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix)));
        for (int i = a.size() - suffix; i < a.size(); i++) {
            ops.add(new Op(' ', a.get(i)));
        }
        StringBuilder out = new StringBuilder();
        out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
        out.append("--- a/").append(path).append('\n');
        out.append("+++ b/").append(path).append('\n');
        hunks(ops, out);
        return out.toString();
    }

    private record Op(char kind, String line) {
    }

    /** Longest-common-subsequence diff of the changed middle (small: fixes touch few lines). */
    private static List<Op> middle(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i++)));
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a.get(i++)));
            } else {
                ops.add(new Op('+', b.get(j++)));
            }
        }
        return ops;
    }

    private static void hunks(List<Op> ops, StringBuilder out) {
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end).kind != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int oldStart = 1;
            int newStart = 1;
            for (int k = 0; k < start; k++) {
                if (ops.get(k).kind != '+') {
                    oldStart++;
                }
                if (ops.get(k).kind != '-') {
                    newStart++;
                }
            }
            int oldCount = 0;
            int newCount = 0;
            for (int k = start; k < end; k++) {
                if (ops.get(k).kind != '+') {
                    oldCount++;
                }
                if (ops.get(k).kind != '-') {
                    newCount++;
                }
            }
            out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                    .append(" @@\n");
            for (int k = start; k < end; k++) {
                Op op = ops.get(k);
                out.append(op.kind).append(op.line);
                if (!op.line.endsWith("\n")) {
                    out.append("\n\\ No newline at end of file\n");
                }
            }
            i = end;
        }
    }

    private static String range(int start, int count) {
        return count == 0 ? (start - 1) + ",0" : start + "," + count;
    }

    /** Lines with their terminators ("\n" or "\r\n"; a lone "\r" stays inside its line as git treats it). */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(s, i + 1));
                s = i + 1;
            }
        }
        if (s < text.length()) {
            out.add(text.substring(s));
        }
        return out;
    }
}
