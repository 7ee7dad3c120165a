package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Expected numbers below were worked out by hand from expected.csv and the two SARIF files. */
class ScorerTest {

    private static final double EPS = 1e-12;

    @Test
    void scoresCodeqlShapedResults() throws Exception {
        Scorecard s = new Scorer(CweEquivalence.none()).score(BenchFixtures.expected(), BenchFixtures.codeql());

        assertEquals("CodeQL", s.tool());
        assertEquals(List.of("crypto", "hash", "pathtraver", "redirect", "sqli"),
                s.categories().stream().map(CategoryScore::category).toList());
        Map<String, Counts> c = byCategory(s);
        // two results in SqlCase001 count once; the XSS result in SqlCase002 has the wrong CWE
        assertEquals(new Counts(1, 1, 1, 1), c.get("sqli"));
        // the CWE-327 result in HashCase002 does not flag a CWE-328 test case without an equivalence
        assertEquals(new Counts(1, 0, 0, 1), c.get("hash"));
        assertEquals(new Counts(1, 0, 0, 1), c.get("crypto"));
        assertEquals(new Counts(1, 0, 0, 0), c.get("pathtraver"));
        assertEquals(new Counts(0, 0, 1, 0), c.get("redirect"));
        assertEquals(new Counts(4, 1, 2, 3), s.totals());

        // pathtraver has no negatives: FPR 0; redirect has no positives: TPR 0, precision 0, F1 0
        assertEquals(0.0, c.get("pathtraver").fpr());
        assertEquals(0.0, c.get("redirect").tpr());
        assertEquals(1.0, c.get("redirect").fpr());
        assertEquals(0.0, c.get("redirect").f1());

        assertEquals(0.7, s.tpr(), EPS);
        assertEquals(0.3, s.fpr(), EPS);
        assertEquals(0.4, s.score(), EPS);
        assertEquals(0.7, s.precision(), EPS);
        assertEquals(0.7, s.f1(), EPS);
        assertEquals(9, s.resultsMatched());
        assertEquals(1, s.resultsIgnored(), "Helper.java is not a test case");
    }

    @Test
    void scoresSemgrepShapedResults() throws Exception {
        Scorecard s = new Scorer(CweEquivalence.none()).score(BenchFixtures.expected(), BenchFixtures.semgrep());

        assertEquals("Semgrep OSS", s.tool());
        Map<String, Counts> c = byCategory(s);
        // file:///C:/... URI flags SqlCase002; lower-case sqlcase004.java still maps to SqlCase004
        assertEquals(new Counts(1, 1, 1, 1), c.get("sqli"));
        // HashCase001's result is suppressed; HashCase002's CWE comes from a taxonomy relationship
        assertEquals(new Counts(0, 1, 1, 0), c.get("hash"));
        // the rule id "CWE-327" is the only CWE hint; the path uses Windows separators
        assertEquals(new Counts(0, 1, 1, 0), c.get("crypto"));
        // kind "pass" is not a finding
        assertEquals(new Counts(0, 1, 0, 0), c.get("pathtraver"));
        assertEquals(new Counts(0, 0, 0, 1), c.get("redirect"));

        assertEquals(0.1, s.tpr(), EPS);
        assertEquals(0.5, s.fpr(), EPS);
        assertEquals(-0.4, s.score(), EPS);
        assertEquals(0.1, s.precision(), EPS);
        assertEquals(0.5 / 5, s.f1(), EPS);
    }

    @Test
    void equivalenceLetsAWeakCipherResultFlagAHashTestCase() throws Exception {
        CweEquivalence eq = CweEquivalence.parse(List.of("327=328"));
        Scorecard s = new Scorer(eq).score(BenchFixtures.expected(), BenchFixtures.codeql());

        Counts hash = byCategory(s).get("hash");
        assertEquals(new Counts(1, 0, 1, 0), hash);
        assertEquals(1.0, hash.tpr());
        assertEquals(1.0, hash.fpr());
        assertEquals(0.5, hash.precision());
        assertEquals(2 * 0.5 / 1.5, hash.f1(), EPS);
    }

    @Test
    void testCaseWithoutAnyResultIsAFalseNegativeOrTrueNegative() throws Exception {
        ToolResults nothing = new ToolResults("silent", "silent.sarif", List.of(), List.of());
        Scorecard s = new Scorer(CweEquivalence.none()).score(BenchFixtures.expected(), nothing);
        assertEquals(new Counts(0, 5, 0, 5), s.totals());
        assertEquals(0.0, s.tpr());
        assertEquals(0.0, s.fpr());
    }

    @Test
    void aResultWithSeveralCwesFlagsEveryMatchingCategoryOnlyInItsOwnFile() throws Exception {
        ToolResults r = new ToolResults("t", "t.sarif", List.of(
                new ToolResult("a/SqlCase003.txt", Set.of(89, 564), "r", 1),
                new ToolResult("SqlCase001", Set.of(564), "r", 1)), List.of());
        Map<String, Counts> c = byCategory(new Scorer(CweEquivalence.none()).score(BenchFixtures.expected(), r));
        assertEquals(new Counts(0, 2, 1, 1), c.get("sqli"));
    }

    private static Map<String, Counts> byCategory(Scorecard s) {
        return s.categories().stream().collect(Collectors.toMap(CategoryScore::category, CategoryScore::counts));
    }
}
