package dev.vigil.java.corpus;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scan of a marked tree by every analyzer, compared with its markers.
 *
 * @param prefix put before relative paths in every report line ("" for the corpus, "examples/" for the app)
 * @param problemsByFile per file (prefixed path): marker syntax errors and ERROR notifications, which fail
 *     that file whatever its findings
 */
record CorpusRun(String prefix, List<String> files, List<Marker> markers, List<Finding> findings,
                 Map<String, List<String>> problemsByFile, List<String> globalProblems, CorpusComparison comparison) {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    static CorpusRun run(SourceSet sources, List<Analyzer> analyzers, AnalysisOptions options, String prefix) {
        List<String> files = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        Map<String, List<String>> problems = new TreeMap<>();
        List<String> global = new ArrayList<>();
        Map<String, String> classOwners = new HashMap<>();
        for (SourceFile file : sources.files()) {
            String name = prefix + file.relativePath();
            files.add(name);
            if (!file.isJava()) {
                continue;
            }
            checkUniqueClass(name, file.text(), classOwners, problems);
            try {
                markers.addAll(MarkerParser.parse(name, file.text()));
            } catch (MarkerSyntaxException e) {
                problems.computeIfAbsent(name, k -> new ArrayList<>()).add("bad marker: " + e.getMessage());
            }
        }
        List<Notification> notifications = new ArrayList<>(sources.notifications());
        List<Finding> findings = new ArrayList<>();
        for (Analyzer analyzer : analyzers) {
            try {
                AnalysisResult result = analyzer.analyze(sources, options, Progress.NONE);
                findings.addAll(result.findings());
                notifications.addAll(result.notifications());
            } catch (RuntimeException e) {
                // The Analyzer contract forbids throwing; a throw here is an engine bug worth a loud failure.
                global.add("analyzer '" + analyzer.name() + "' threw " + e);
            }
        }
        for (Notification n : notifications) {
            if (n.level() != Notification.Level.ERROR) {
                continue;
            }
            if (n.file() == null) {
                global.add("scan error: " + n.text());
            } else {
                String name = prefix + n.file();
                if (!files.contains(name)) {
                    files.add(name);
                }
                problems.computeIfAbsent(name, k -> new ArrayList<>()).add("scan error: " + n.text());
            }
        }
        Collections.sort(files);
        CorpusComparison comparison = CorpusComparison.compare(markers, findings, prefix);
        return new CorpusRun(prefix, List.copyOf(files), List.copyOf(markers), List.copyOf(findings),
                Collections.unmodifiableMap(problems), List.copyOf(global), comparison);
    }

    /**
     * The whole tree is scanned as one program, so two files declaring the same class would shadow each
     * other and make cases pass or fail for the wrong reason.
     */
    private static void checkUniqueClass(String name, String text, Map<String, String> owners,
                                         Map<String, List<String>> problems) {
        Matcher m = PACKAGE.matcher(text);
        if (!m.find()) {
            problems.computeIfAbsent(name, k -> new ArrayList<>()).add(
                    "no package declaration: every corpus file needs a package derived from its path");
            return;
        }
        String simple = name.substring(name.lastIndexOf('/') + 1, name.length() - ".java".length());
        String qualified = m.group(1) + "." + simple;
        String other = owners.putIfAbsent(qualified, name);
        if (other != null) {
            problems.computeIfAbsent(name, k -> new ArrayList<>()).add(
                    "class " + qualified + " is also declared by " + other + ": use a package derived from the path");
        }
    }

    /** Files to report on: every file of the tree plus any file a finding names that is not in it. */
    List<String> reportedFiles() {
        List<String> out = new ArrayList<>(files);
        for (String f : comparison.mismatchesByFile().keySet()) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        Collections.sort(out);
        return out;
    }
}
