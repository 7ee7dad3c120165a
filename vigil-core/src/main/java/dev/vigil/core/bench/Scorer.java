package dev.vigil.core.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores tool results against expected results. A test case is flagged when at least one result
 * lies in a file whose base name (no directories, no extension) is the test case name, and carries
 * the test case's CWE or one equivalent to it. Several such results still flag it once; results in
 * files that are not test cases are ignored; a result's other CWEs do not matter.
 */
public final class Scorer {

    private final CweEquivalence equivalence;

    public Scorer(CweEquivalence equivalence) {
        this.equivalence = equivalence;
    }

    public Scorecard score(ExpectedResults expected, ToolResults tool) {
        ExpectedResults.Index index = expected.index();
        Set<String> flagged = new HashSet<>();
        int matched = 0;
        int ignored = 0;
        for (ToolResult r : tool.results()) {
            TestCase tc = index.lookup(r.baseName());
            if (tc == null) {
                ignored++;
                continue;
            }
            matched++;
            if (equivalence.matchesAny(tc.cwe(), r.cwes())) {
                flagged.add(tc.name());
            }
        }
        Map<String, Counts> byCategory = new LinkedHashMap<>();
        Map<String, Integer> cweOf = expected.categories();
        cweOf.keySet().forEach(c -> byCategory.put(c, Counts.ZERO));
        for (TestCase tc : expected.testCases()) {
            byCategory.compute(tc.category(), (c, counts) -> counts.add(tc.real(), flagged.contains(tc.name())));
        }
        List<CategoryScore> categories = new ArrayList<>();
        Counts totals = Counts.ZERO;
        double tpr = 0;
        double fpr = 0;
        double precision = 0;
        double f1 = 0;
        for (Map.Entry<String, Counts> e : byCategory.entrySet()) {
            Counts c = e.getValue();
            categories.add(new CategoryScore(e.getKey(), cweOf.get(e.getKey()), c));
            totals = totals.plus(c);
            tpr += c.tpr();
            fpr += c.fpr();
            precision += c.precision();
            f1 += c.f1();
        }
        int n = categories.size();
        tpr /= n;
        fpr /= n;
        return new Scorecard(tool.tool(), tool.source(), categories, totals,
                tpr, fpr, tpr - fpr, precision / n, f1 / n, matched, ignored);
    }
}
