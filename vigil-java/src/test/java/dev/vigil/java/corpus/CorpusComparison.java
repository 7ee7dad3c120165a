package dev.vigil.java.corpus;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares markers with findings at the granularity of (file, line, rule). Two findings of one rule on
 * one line count once: the corpus states whether a line is vulnerable, not how many paths reach it.
 *
 * @param mismatchesByFile every file that has markers or findings, with its (possibly empty) sorted list
 * @param tallies per rule id, sorted by id
 */
record CorpusComparison(Map<String, List<Mismatch>> mismatchesByFile, Map<String, RuleTally> tallies) {

    static CorpusComparison compare(Collection<Marker> markers, Collection<Finding> findings) {
        return compare(markers, findings, "");
    }

    /**
     * @param prefix put before every finding's file, so that the markers of a tree scanned with another
     *     base (the examples app) can be named "examples/..." in diffs and known gaps
     */
    static CorpusComparison compare(Collection<Marker> markers, Collection<Finding> findings, String prefix) {
        Set<LineKey> expected = new TreeSet<>();
        Set<LineKey> safe = new TreeSet<>();
        Set<String> files = new TreeSet<>();
        for (Marker m : markers) {
            files.add(m.file());
            (m.kind() == Marker.Kind.EXPECT ? expected : safe).add(m.key());
        }
        Map<LineKey, String> reported = new TreeMap<>();
        for (Finding f : findings) {
            if (f.isSuppressed()) {
                continue;
            }
            LineKey key = new LineKey(prefix + f.location().file(), f.location().startLine(), f.ruleId());
            reported.putIfAbsent(key, describeFlow(f.flow()));
            files.add(key.file());
        }

        Map<String, List<Mismatch>> byFile = new TreeMap<>();
        files.forEach(f -> byFile.put(f, new ArrayList<>()));
        Map<String, int[]> counts = new TreeMap<>();
        for (LineKey key : expected) {
            int[] c = counts.computeIfAbsent(key.ruleId(), r -> new int[6]);
            c[0]++;
            if (reported.containsKey(key)) {
                c[1]++;
            } else {
                c[2]++;
                byFile.get(key.file()).add(new Mismatch(Mismatch.Type.MISSING, key, ""));
            }
        }
        for (Map.Entry<LineKey, String> e : reported.entrySet()) {
            LineKey key = e.getKey();
            if (!expected.contains(key)) {
                counts.computeIfAbsent(key.ruleId(), r -> new int[6])[3]++;
                byFile.get(key.file()).add(new Mismatch(Mismatch.Type.UNEXPECTED, key, e.getValue()));
            }
        }
        for (LineKey key : safe) {
            int[] c = counts.computeIfAbsent(key.ruleId(), r -> new int[6]);
            c[4]++;
            if (!reported.containsKey(key)) {
                c[5]++;
            }
        }
        Map<String, List<Mismatch>> sortedByFile = new TreeMap<>();
        byFile.forEach((file, list) -> sortedByFile.put(file, list.stream().sorted().toList()));
        Map<String, RuleTally> tallies = new TreeMap<>();
        counts.forEach((rule, c) -> tallies.put(rule, new RuleTally(c[0], c[1], c[2], c[3], c[4], c[5])));
        return new CorpusComparison(Collections.unmodifiableMap(sortedByFile), Collections.unmodifiableMap(tallies));
    }

    /** "Foo.java:12 source getParameter -> Foo.java:14 sink executeQuery", short enough for one diff line. */
    static String describeFlow(List<FlowStep> flow) {
        return flow.stream()
                .map(s -> shortName(s.location().file()) + ":" + s.location().startLine()
                        + (s.description().isEmpty() ? "" : " " + s.description()))
                .collect(Collectors.joining(" -> "));
    }

    private static String shortName(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    List<Mismatch> mismatches(String file) {
        return mismatchesByFile.getOrDefault(file, List.of());
    }

    List<Mismatch> allMismatches() {
        return mismatchesByFile.values().stream().flatMap(List::stream).sorted().toList();
    }

    RuleTally total() {
        return tallies.values().stream().reduce(RuleTally.ZERO, RuleTally::plus);
    }
}
