package dev.vigil.java.fix;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks proposed fixes before anyone sees them: the fixed files must parse, re-running the analysis on
 * the fixed sources must no longer report the fixed finding and must report nothing new, and (with
 * {@link Mode#COMPILE}) the fixed files must not gain compile errors, and (with {@link Mode#TESTS}) the
 * project's own tests, passing before the fixes, must still pass with them. Rejected fixes are taken out
 * and the rest verified again, until what is left passes together.
 */
public final class FixVerifier {

    /** Each mode includes the checks of the ones before it. */
    public enum Mode { PARSE, COMPILE, TESTS }

    /** Files whose fixes are run through the tests one by one to find the culprit when they fail together. */
    private static final int MAX_CULPRIT_RUNS = 12;

    /** The verified and rejected proposals (in input order) and the fixed text of every changed file. */
    public record Outcome(List<FixProposal> proposals, Map<String, String> fixedTexts) {
    }

    private final List<Analyzer> analyzers;
    private final AnalysisOptions options;
    private final ProjectTests tests;

    public FixVerifier(List<Analyzer> analyzers, AnalysisOptions options) {
        this(analyzers, options, null);
    }

    /** @param tests the project's test command, needed for {@link Mode#TESTS} */
    public FixVerifier(List<Analyzer> analyzers, AnalysisOptions options, ProjectTests tests) {
        this.analyzers = List.copyOf(analyzers);
        this.options = options;
        this.tests = tests;
    }

    public Outcome verify(SourceSet sources, List<Finding> before, List<FixProposal> proposals, Mode mode) {
        Map<FixProposal, FixProposal> result = new LinkedHashMap<>();
        proposals.forEach(p -> result.put(p, p));
        Map<String, SourceFile> files = new HashMap<>();
        sources.files().forEach(f -> files.put(f.relativePath(), f));
        if (mode == Mode.TESTS && tests == null) {
            throw new IllegalStateException("Mode.TESTS needs a ProjectTests");
        }
        Map<String, List<Javac.Error>> compileBefore = mode != Mode.PARSE ? compile(sources, Map.of()) : Map.of();
        if (mode == Mode.TESTS && proposals.stream().anyMatch(p -> p instanceof FixProposal.Edits)) {
            ProjectTests.Run baseline = tests.baseline();
            if (!baseline.passed()) {
                result.replaceAll((k, v) -> v instanceof FixProposal.Edits e ? new FixProposal.NotFixable(e.finding(),
                        "not verified: the project's tests fail without any fix, so they cannot verify it ("
                                + baseline.problem() + ")") : v);
                return new Outcome(List.copyOf(result.values()), Map.of());
            }
        }

        for (int round = 0; round < 4; round++) {
            List<FixProposal.Edits> live = new ArrayList<>();
            result.values().forEach(p -> {
                if (p instanceof FixProposal.Edits e) {
                    live.add(e);
                }
            });
            if (live.isEmpty()) {
                return new Outcome(List.copyOf(result.values()), Map.of());
            }
            Map<String, String> texts = new LinkedHashMap<>();
            Map<String, EditMap> maps = new HashMap<>();
            Set<FixProposal.Edits> rejected = new LinkedHashSet<>();
            Map<String, List<FixProposal.Edits>> byFile = new LinkedHashMap<>();
            live.forEach(e -> byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e));
            for (var entry : byFile.entrySet()) {
                List<Edit> edits = mergedEdits(entry.getValue());
                String fixed = Edit.apply(files.get(entry.getKey()).text(), edits);
                String syntax = entry.getKey().endsWith(".java") ? Javac.syntaxError(entry.getKey(), fixed) : null;
                if (syntax != null) {
                    entry.getValue().forEach(e -> reject(result, e, "the fixed file does not parse: " + syntax, rejected));
                    continue;
                }
                texts.put(entry.getKey(), fixed);
                maps.put(entry.getKey(), new EditMap(edits));
            }
            if (!rejected.isEmpty()) {
                continue;
            }
            SourceSet fixedSet = withTexts(sources, texts);
            List<Finding> after = analyze(fixedSet);
            checkFindings(result, live, before, after, maps, files, rejected);
            if (rejected.isEmpty() && mode != Mode.PARSE) {
                Map<String, List<Javac.Error>> compileAfter = compile(fixedSet, texts);
                // The same error elsewhere before the fix is a dependency missing from the classpath
                // (a package other files already import), not something the fix broke.
                Set<String> anywhere = new java.util.HashSet<>();
                compileBefore.values().forEach(errors -> errors.forEach(err -> anywhere.add(err.message())));
                Set<String> missing = MissingPackages.of(anywhere);
                for (var entry : byFile.entrySet()) {
                    List<String> beforeHere = new ArrayList<>();
                    compileBefore.getOrDefault(entry.getKey(), List.of()).forEach(err -> beforeHere.add(err.message()));
                    for (Javac.Error err : compileAfter.getOrDefault(entry.getKey(), List.of())) {
                        if (beforeHere.remove(err.message()) || anywhere.contains(err.message())
                                || MissingPackages.explains(err.message(), missing, texts.get(entry.getKey()))) {
                            continue;
                        }
                        rejectAt(result, entry.getValue(), maps.get(entry.getKey()), files.get(entry.getKey()).text(),
                                err.offset(), "the fixed file gains a compile error: " + err.message(), rejected);
                    }
                }
            }
            if (rejected.isEmpty() && mode == Mode.TESTS) {
                runTests(result, byFile, texts, files, rejected);
            }
            if (rejected.isEmpty()) {
                return new Outcome(List.copyOf(result.values()), texts);
            }
        }
        // Rejections kept cascading: give up on every fix rather than apply an unverified set.
        result.replaceAll((k, v) -> v instanceof FixProposal.Edits e
                ? new FixProposal.NotFixable(e.finding(), "verification did not settle; fix again after applying others") : v);
        return new Outcome(List.copyOf(result.values()), Map.of());
    }

    /**
     * Runs the tests with every fixed file; when they fail, finds the culprits by running each fixed file
     * alone, then halves of a failing file's fixes (at most {@link #MAX_CULPRIT_RUNS} runs in all), and
     * rejects the failing fixes (all of a file's when no part fails alone). When no file fails alone, the
     * fixes fail only together and all of them are rejected. The fixes left are run again together in the
     * next round.
     */
    private void runTests(Map<FixProposal, FixProposal> result, Map<String, List<FixProposal.Edits>> byFile,
                          Map<String, String> texts, Map<String, SourceFile> files, Set<FixProposal.Edits> rejected) {
        Map<SourceFile, String> all = new LinkedHashMap<>();
        texts.forEach((file, text) -> all.put(files.get(file), text));
        ProjectTests.Run together = tests.runWith(all, "with " + texts.size() + " fixed file(s)");
        if (together.passed()) {
            return;
        }
        List<String> culprits = new ArrayList<>();
        int runs = 0;
        for (var entry : texts.entrySet()) {
            if (texts.size() > 1 && runs++ >= MAX_CULPRIT_RUNS) {
                byFile.get(entry.getKey()).forEach(e -> reject(result, e, "the project's tests fail with the fixes"
                        + " and this file's fix was not tested alone (more than " + MAX_CULPRIT_RUNS + " fixed files): "
                        + together.problem(), rejected));
                continue;
            }
            SourceFile file = files.get(entry.getKey());
            ProjectTests.Run alone = texts.size() == 1 ? together : tests.runWith(Map.of(file, entry.getValue()),
                    "with the fixes of " + entry.getKey() + " only");
            if (alone.passed()) {
                continue;
            }
            culprits.add(entry.getKey());
            // Several fixes in the failing file: halves of them are tested while runs allow, so the others survive.
            Map<FixProposal.Edits, ProjectTests.Run> failing = new LinkedHashMap<>();
            int[] budget = {MAX_CULPRIT_RUNS - runs};
            bisect(byFile.get(entry.getKey()), file, alone, budget, failing);
            runs = MAX_CULPRIT_RUNS - budget[0];
            failing.forEach((e, run) -> reject(result, e, "the project's tests fail with this fix: " + run.problem(),
                    rejected));
        }
        if (culprits.isEmpty() && rejected.isEmpty()) {
            byFile.values().forEach(list -> list.forEach(e -> reject(result, e,
                    "the project's tests fail with the fixes of several files together: " + together.problem(), rejected)));
        }
    }

    /**
     * Narrows the fixes of one file that fail the tests together down to those that fail alone, by testing
     * each half (while {@code budget} runs last). A set whose halves both pass fails only together, and a
     * set left untested when the budget ends is kept whole: all its fixes go into {@code failing}.
     */
    private void bisect(List<FixProposal.Edits> fixes, SourceFile file, ProjectTests.Run failed, int[] budget,
                        Map<FixProposal.Edits, ProjectTests.Run> failing) {
        if (fixes.size() == 1 || budget[0] < 2) {
            fixes.forEach(e -> failing.put(e, failed));
            return;
        }
        int before = failing.size();
        List<List<FixProposal.Edits>> halves = List.of(fixes.subList(0, fixes.size() / 2),
                fixes.subList(fixes.size() / 2, fixes.size()));
        for (List<FixProposal.Edits> half : halves) {
            budget[0]--;
            ProjectTests.Run run = tests.runWith(Map.of(file, Edit.apply(file.text(), mergedEdits(half))),
                    "with " + half.size() + " of the " + fixes.size() + " fixes of " + file.relativePath());
            if (!run.passed()) {
                bisect(half, file, run, budget, failing);
            }
        }
        if (failing.size() == before) {
            fixes.forEach(e -> failing.put(e, failed));
        }
    }

    private void checkFindings(Map<FixProposal, FixProposal> result, List<FixProposal.Edits> live, List<Finding> before,
                               List<Finding> after, Map<String, EditMap> maps, Map<String, SourceFile> files,
                               Set<FixProposal.Edits> rejected) {
        // Findings after the fix, keyed by rule, file and original line, matched against those before.
        Map<String, Integer> beforeKeys = new HashMap<>();
        before.forEach(f -> beforeKeys.merge(key(f.ruleId(), f.location().file(), f.location().startLine()), 1, Integer::sum));
        for (Finding f : after) {
            String file = f.location().file();
            EditMap map = maps.get(file);
            int originalLine = f.location().startLine();
            int originalOffset = -1;
            if (map != null) {
                String fixed = Edit.apply(files.get(file).text(), map.edits);
                int offset = FixEngine.offset(fixed, f.location().startLine(), f.location().startColumn());
                originalOffset = map.toOriginal(offset);
                originalLine = lineOf(files.get(file).text(), originalOffset);
            }
            String k = key(f.ruleId(), file, originalLine);
            Integer n = beforeKeys.get(k);
            boolean known = n != null && n > 0;
            if (known) {
                beforeKeys.put(k, n - 1);
            }
            boolean attributed = false;
            for (FixProposal.Edits e : live) {
                if (!e.file().equals(file)) {
                    continue;
                }
                // Inside an edit spanning several lines (a rewritten block) a finding maps to the edit's first
                // line; of the target's rule and in the edit that covers the target's line, it is the target.
                boolean sameTarget = e.finding().ruleId().equals(f.ruleId())
                        && (e.finding().location().startLine() == originalLine
                        || !known && covers(e, originalOffset, e.finding().location().startLine(), files.get(file).text()));
                if (sameTarget) {
                    reject(result, e, "the finding is still reported after the fix", rejected);
                    attributed = true;
                } else if (!known && touches(e, originalOffset, originalLine, files.get(file).text())) {
                    reject(result, e, "the fix introduces a new " + f.ruleId() + " finding at line "
                            + f.location().startLine(), rejected);
                    attributed = true;
                }
            }
            if (!known && !attributed && map != null) {
                // A new finding elsewhere in a changed file: no fix of that file can be trusted.
                live.stream().filter(e -> e.file().equals(file)).forEach(e -> reject(result, e,
                        "the fixed file has a new " + f.ruleId() + " finding at line " + f.location().startLine(), rejected));
            }
        }
    }

    /** Whether an edit of {@code e} holds {@code originalOffset} and spans {@code line} of the original. */
    private static boolean covers(FixProposal.Edits e, int originalOffset, int line, String text) {
        for (Edit edit : e.edits()) {
            if (originalOffset >= edit.offset() && originalOffset <= edit.end()
                    && lineOf(text, edit.offset()) <= line && line <= lineOf(text, edit.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rejects the fixes of a file whose edits contain the position of a problem in the fixed text; when the
     * position is unknown or in no fix's edits, every fix of the file (none of them can be trusted).
     */
    private static void rejectAt(Map<FixProposal, FixProposal> result, List<FixProposal.Edits> fixes, EditMap map,
                                 String original, int fixedOffset, String reason, Set<FixProposal.Edits> rejected) {
        List<FixProposal.Edits> culprits = new ArrayList<>();
        if (fixedOffset >= 0 && map != null) {
            int offset = map.toOriginal(fixedOffset);
            int line = lineOf(original, offset);
            fixes.stream().filter(e -> touches(e, offset, line, original)).forEach(culprits::add);
        }
        (culprits.isEmpty() ? fixes : culprits).forEach(e -> reject(result, e, reason, rejected));
    }

    private static boolean touches(FixProposal.Edits e, int originalOffset, int originalLine, String text) {
        for (Edit edit : e.edits()) {
            if (originalOffset >= edit.offset() && originalOffset <= edit.end()) {
                return true;
            }
            if (lineOf(text, edit.offset()) <= originalLine && originalLine <= lineOf(text, edit.end())) {
                return true;
            }
        }
        return false;
    }

    private static void reject(Map<FixProposal, FixProposal> result, FixProposal.Edits e, String reason,
                               Set<FixProposal.Edits> rejected) {
        for (var entry : result.entrySet()) {
            if (entry.getValue() == e) {
                entry.setValue(new FixProposal.NotFixable(e.finding(), "verification failed: " + reason));
                rejected.add(e);
            }
        }
    }

    private static String key(String rule, String file, int line) {
        return rule + "\u0000" + file + "\u0000" + line;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The edits of several proposals for one file, with shared import insertions written once. */
    static List<Edit> mergedEdits(List<FixProposal.Edits> proposals) {
        List<Edit> edits = new ArrayList<>();
        Map<Integer, Set<String>> imports = new java.util.TreeMap<>();
        Map<Integer, Set<String>> statements = new java.util.TreeMap<>();
        for (FixProposal.Edits p : proposals) {
            for (Edit e : p.edits()) {
                if (FixEngine.isImport(e)) {
                    imports.computeIfAbsent(e.offset(), k -> new java.util.TreeSet<>()).add(e.replacement());
                } else if (FixEngine.isStatements(e)) {
                    statements.computeIfAbsent(e.offset(), k -> new java.util.LinkedHashSet<>()).add(e.replacement());
                } else if (!edits.contains(e)) {
                    edits.add(e);
                }
            }
        }
        imports.forEach((offset, texts) -> edits.add(Edit.insert(offset, String.join("", texts))));
        statements.forEach((offset, texts) -> edits.add(Edit.insert(offset, String.join("", texts))));
        return edits;
    }

    private List<Finding> analyze(SourceSet sources) {
        List<Finding> out = new ArrayList<>();
        for (Analyzer a : analyzers) {
            out.addAll(a.analyze(sources, options, Progress.NONE).findings());
        }
        return out;
    }

    private static Map<String, List<Javac.Error>> compile(SourceSet sources, Map<String, String> texts) {
        Map<String, String> all = new LinkedHashMap<>();
        sources.javaFiles().forEach(f -> all.put(f.relativePath(), texts.getOrDefault(f.relativePath(), f.text())));
        int level = sources.javaFiles().isEmpty() ? LanguageLevel.UNKNOWN
                : LanguageLevel.of(sources.javaFiles().get(0).path(), sources.buildFiles());
        List<java.nio.file.Path> jars = dev.vigil.java.frontend.ProjectClasspath.resolve(sources.buildFiles(),
                dev.vigil.java.frontend.ProjectClasspath.defaultRepository()).jars();
        return Javac.compileErrors(all, level, jars);
    }

    static SourceSet withTexts(SourceSet sources, Map<String, String> texts) {
        List<SourceFile> files = new ArrayList<>();
        for (SourceFile f : sources.files()) {
            String t = texts.get(f.relativePath());
            files.add(t == null ? f : new SourceFile(f.path(), f.relativePath(), t, f.charset(), f.bom(), f.lineSeparator()));
        }
        return new SourceSet(sources.base(), files, sources.buildFiles(), List.of());
    }

    /** Maps offsets in the edited text back to the original. */
    static final class EditMap {
        final List<Edit> edits;

        EditMap(List<Edit> edits) {
            this.edits = edits.stream().sorted(java.util.Comparator.comparingInt(Edit::offset)).toList();
        }

        int toOriginal(int offset) {
            int shift = 0;
            for (Edit e : edits) {
                int newStart = e.offset() + shift;
                int newEnd = newStart + e.replacement().length();
                if (offset < newStart) {
                    break;
                }
                if (offset < newEnd) {
                    return e.offset();
                }
                shift += e.replacement().length() - e.length();
            }
            return offset - shift;
        }
    }
}
