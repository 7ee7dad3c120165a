package dev.vigil.cli;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.fix.Edit;
import dev.vigil.java.fix.FixProposal;
import dev.vigil.java.fix.FixVerifier;
import dev.vigil.llm.fix.MethodRegion;
import dev.vigil.llm.fix.ModelFixer;
import dev.vigil.llm.session.AllProfilesFailedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Model-written fixes for the findings that kept no deterministic fix: for each, up to
 * {@code candidates} replacements of the enclosing method are asked for, one at a time (each told why
 * the earlier ones failed), and each is verified alone like a recipe's fix; the first that verifies
 * wins. A method that already holds a deterministic fix, or a model fix for another finding, is left
 * for the next run.
 */
final class ModelFixes {

    /** Longer methods are not sent: the answer would have to repeat all of them. */
    static final int MAX_METHOD_LINES = 400;

    /** Where a model-written fix came from. */
    record Written(String profile, String model, int candidate, String explanation, boolean fromCache) {
    }

    /**
     * @param proposals the input proposals with winners in place of their NotFixable
     * @param written the winners (by identity) and their origin
     * @param attempts per fingerprint, why each candidate was rejected
     * @param failure every profile failed (the message), or null
     * @param budgetStop the budget that stopped the run, or null
     */
    record Result(List<FixProposal> proposals, Map<FixProposal, Written> written, Map<String, List<String>> attempts,
                  String failure, String budgetStop) {
    }

    private ModelFixes() {
    }

    /** Whether a finding the recipes left unfixed may be given to the model. */
    static boolean eligible(FixProposal.NotFixable n) {
        Finding f = n.finding();
        return !f.isSuppressed() && f.location().file().endsWith(".java")
                && !n.reason().startsWith("the line is marked")
                && !n.reason().startsWith("its edit overlaps")
                && !n.reason().startsWith("suppressed");
    }

    static Result run(SourceSet sources, List<Finding> before, List<FixProposal> proposals, FixVerifier verifier,
                      FixVerifier.Mode mode, ModelFixer fixer, int candidates, Consumer<String> progress) {
        Map<String, SourceFile> files = new HashMap<>();
        sources.files().forEach(f -> files.put(f.relativePath(), f));
        // Regions already taken per file: deterministic edits, then the winning model rewrites.
        Map<String, List<int[]>> taken = new HashMap<>();
        for (FixProposal p : proposals) {
            if (p instanceof FixProposal.Edits e) {
                for (Edit edit : e.edits()) {
                    taken.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(new int[] {edit.offset(), edit.end()});
                }
            }
        }
        List<FixProposal> out = new ArrayList<>(proposals);
        Map<FixProposal, Written> written = new IdentityHashMap<>();
        Map<String, List<String>> attempts = new HashMap<>();
        String failure = null;
        String budgetStop = null;
        for (int i = 0; i < out.size() && failure == null && budgetStop == null; i++) {
            if (!(out.get(i) instanceof FixProposal.NotFixable n) || !eligible(n)) {
                continue;
            }
            Finding f = n.finding();
            SourceFile file = files.get(f.location().file());
            if (file == null) {
                continue;
            }
            MethodRegion.Located located = MethodRegion.enclosing(file.text(), f.location().startLine());
            if (located.region() == null) {
                out.set(i, new FixProposal.NotFixable(f, n.reason() + "; no model-written fix: " + located.problem()));
                continue;
            }
            MethodRegion region = located.region();
            if (region.endLine() - region.startLine() + 1 > MAX_METHOD_LINES) {
                out.set(i, new FixProposal.NotFixable(f, n.reason() + "; no model-written fix: the method has "
                        + (region.endLine() - region.startLine() + 1) + " lines, more than the " + MAX_METHOD_LINES
                        + " a model may rewrite"));
                continue;
            }
            if (overlaps(taken.get(file.relativePath()), region)) {
                out.set(i, new FixProposal.NotFixable(f, n.reason() + "; no model-written fix: the method already holds"
                        + " another fix; run vigil fix again after applying it"));
                continue;
            }
            ModelFixer.Target target = new ModelFixer.Target(f, region, file.lineSeparator(), loc -> codeLine(files, loc));
            List<String> reasons = new ArrayList<>();
            FixProposal winner = null;
            for (int k = 0; k < candidates && winner == null; k++) {
                progress.accept("asking the model for a fix of " + f.location().shortText() + " " + f.ruleId()
                        + " (candidate " + (k + 1) + " of " + candidates + ")");
                ModelFixer.Attempt attempt;
                try {
                    attempt = fixer.ask(target, reasons, k);
                } catch (AllProfilesFailedException e) {
                    failure = e.getMessage();
                    break;
                }
                switch (attempt) {
                    case ModelFixer.Attempt.Planned p -> {
                        // dry run: counted by the session
                    }
                    case ModelFixer.Attempt.Skipped s -> budgetStop = s.limits();
                    case ModelFixer.Attempt.Rejected r -> reasons.add("candidate " + (k + 1) + " rejected: " + r.problem());
                    case ModelFixer.Attempt.Candidate c -> {
                        if (c.replacement().equals(region.text())) {
                            reasons.add("candidate " + (k + 1) + " rejected: it leaves the method unchanged");
                            break;
                        }
                        FixProposal.Edits edits = new FixProposal.Edits(f, file.relativePath(),
                                "model-written fix (profile " + c.profile().name() + ", model " + c.profile().model() + "): "
                                        + c.explanation(),
                                lineEdits(region, c.replacement()));
                        FixProposal checked = verifier.verify(sources, before, List.of(edits), mode).proposals().get(0);
                        if (checked instanceof FixProposal.Edits) {
                            winner = edits;
                            written.put(edits, new Written(c.profile().name(), c.profile().model(), k + 1, c.explanation(),
                                    c.fromCache()));
                        } else {
                            reasons.add("candidate " + (k + 1) + " rejected: "
                                    + ((FixProposal.NotFixable) checked).reason());
                        }
                    }
                }
                if (budgetStop != null) {
                    break;
                }
            }
            if (!reasons.isEmpty()) {
                attempts.put(f.fingerprint(), List.copyOf(reasons));
            }
            if (winner != null) {
                out.set(i, winner);
                taken.computeIfAbsent(file.relativePath(), key -> new ArrayList<>())
                        .add(new int[] {region.startOffset(), region.endOffset()});
            } else if (!reasons.isEmpty()) {
                out.set(i, new FixProposal.NotFixable(f, n.reason() + "; no model-written fix verified ("
                        + String.join("; ", reasons) + ")"));
            }
        }
        return new Result(out, written, attempts, failure, budgetStop);
    }

    /**
     * The replacement as edits of the changed lines only (a line diff against the original method), so
     * the diff shows just what the model changed and findings on unchanged lines keep their positions.
     */
    static List<Edit> lineEdits(MethodRegion region, String replacement) {
        List<int[]> oldLines = lineSpans(region.text());
        List<String> a = new ArrayList<>();
        oldLines.forEach(span -> a.add(region.text().substring(span[0], span[1])));
        List<int[]> newSpans = lineSpans(replacement);
        List<String> b = new ArrayList<>();
        newSpans.forEach(span -> b.add(replacement.substring(span[0], span[1])));
        int n = a.size();
        int m = b.size();
        if ((long) n * m > 4_000_000L) {
            return List.of(Edit.replace(region.startOffset(), region.endOffset(), replacement));
        }
        // Longest common subsequence of lines, then one edit per run of differing lines.
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        String sep = separator(region.text(), replacement);
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                i++;
                j++;
                continue;
            }
            int i0 = i;
            int j0 = j;
            while ((i < n || j < m) && !(i < n && j < m && a.get(i).equals(b.get(j)))) {
                if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    j++;
                } else {
                    i++;
                }
            }
            edits.add(hunk(region, oldLines, i0, i, String.join(sep, b.subList(j0, j)), j > j0, sep));
        }
        return edits;
    }

    private static Edit hunk(MethodRegion region, List<int[]> oldLines, int from, int to, String text, boolean hasNew,
                             String sep) {
        int base = region.startOffset();
        int n = oldLines.size();
        if (from < to && hasNew) {
            return Edit.replace(base + oldLines.get(from)[0], base + oldLines.get(to - 1)[1], text);
        }
        if (from < to) {
            // Lines removed: take one line break with them.
            return to < n ? Edit.replace(base + oldLines.get(from)[0], base + oldLines.get(to)[0], "")
                    : Edit.replace(base + oldLines.get(from - 1)[1], base + oldLines.get(to - 1)[1], "");
        }
        return from < n ? Edit.insert(base + oldLines.get(from)[0], text + sep)
                : Edit.insert(base + oldLines.get(n - 1)[1], sep + text);
    }

    /** [start, end) of every line, without its line break. */
    private static List<int[]> lineSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '\n' || ch == '\r') {
                spans.add(new int[] {start, k});
                if (ch == '\r' && k + 1 < text.length() && text.charAt(k + 1) == '\n') {
                    k++;
                }
                start = k + 1;
            }
        }
        spans.add(new int[] {start, text.length()});
        return spans;
    }

    private static String separator(String original, String replacement) {
        for (String s : new String[] {original, replacement}) {
            int k = s.indexOf('\n');
            int r = s.indexOf('\r');
            if (r >= 0 && k == r + 1) {
                return "\r\n";
            }
            if (k >= 0) {
                return "\n";
            }
            if (r >= 0) {
                return "\r";
            }
        }
        return System.lineSeparator();
    }

    private static boolean overlaps(List<int[]> ranges, MethodRegion region) {
        if (ranges == null) {
            return false;
        }
        for (int[] r : ranges) {
            if (r[0] <= region.endOffset() && r[1] >= region.startOffset()) {
                return true;
            }
        }
        return false;
    }

    private static String codeLine(Map<String, SourceFile> files, Location loc) {
        SourceFile f = files.get(loc.file());
        if (f == null) {
            return null;
        }
        String[] lines = f.text().split("\r?\n|\r", -1);
        return loc.startLine() >= 1 && loc.startLine() <= lines.length ? lines[loc.startLine() - 1] : null;
    }
}
