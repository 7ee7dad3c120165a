package dev.vigil.java.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusComparisonTest {

    static Finding finding(String rule, String file, int line, FlowStep... flow) {
        return Finding.of(rule, 0, Severity.HIGH, "m", Location.line(file, line), "C.m", List.of(flow));
    }

    static Marker expect(String file, int line, String rule) {
        return new Marker(file, line, Marker.Kind.EXPECT, rule);
    }

    static Marker safe(String file, int line, String rule) {
        return new Marker(file, line, Marker.Kind.SAFE, rule);
    }

    @Test
    void givenFindingsProducesTheDiffLines() {
        List<Marker> markers = List.of(
                expect("taint/sqli/Foo.java", 23, "java/sql-injection"),
                expect("taint/sqli/Foo.java", 27, "java/sql-injection"),
                safe("taint/sqli/Foo.java", 31, "java/xss"));
        List<Finding> findings = List.of(
                finding("java/sql-injection", "taint/sqli/Foo.java", 27),
                finding("java/xss", "taint/sqli/Foo.java", 31,
                        new FlowStep(FlowStep.Kind.SOURCE, Location.line("taint/sqli/Foo.java", 20), "getParameter"),
                        new FlowStep(FlowStep.Kind.SINK, Location.line("taint/sqli/Foo.java", 31), "println")));
        CorpusComparison c = CorpusComparison.compare(markers, findings);
        assertEquals(List.of(
                "missing   taint/sqli/Foo.java:23 java/sql-injection",
                "unexpected taint/sqli/Foo.java:31 java/xss (flow: Foo.java:20 getParameter -> Foo.java:31 println)"),
                c.mismatches("taint/sqli/Foo.java").stream().map(Mismatch::display).toList());
    }

    @Test
    void talliesCountEachLineOnceAndScorePrecisionAndRecall() {
        List<Marker> markers = List.of(
                expect("A.java", 1, "java/xss"),
                expect("A.java", 2, "java/xss"),
                safe("A.java", 3, "java/xss"),
                safe("A.java", 4, "java/xss"));
        List<Finding> findings = List.of(
                finding("java/xss", "A.java", 1),
                finding("java/xss", "A.java", 1), // a second path to the same sink line
                finding("java/xss", "A.java", 3),
                finding("java/xss", "B.java", 9)); // a file with no markers at all
        CorpusComparison c = CorpusComparison.compare(markers, findings);
        RuleTally t = c.tallies().get("java/xss");
        assertEquals(new RuleTally(2, 1, 1, 2, 2, 1), t);
        assertEquals(1.0 / 3, t.precision(), 1e-9);
        assertEquals(0.5, t.recall(), 1e-9);
        assertEquals(List.of("unexpected B.java:9 java/xss"),
                c.mismatches("B.java").stream().map(Mismatch::id).toList());
    }

    @Test
    void aFindingForAnotherRuleOnAnExpectLineIsStillUnexpected() {
        CorpusComparison c = CorpusComparison.compare(
                List.of(expect("A.java", 5, "java/sql-injection")),
                List.of(finding("java/sql-injection", "A.java", 5), finding("java/log-injection", "A.java", 5)));
        assertEquals(List.of("unexpected A.java:5 java/log-injection"),
                c.mismatches("A.java").stream().map(Mismatch::id).toList());
    }

    @Test
    void suppressedFindingsDoNotCount() {
        Finding suppressed = finding("java/xss", "A.java", 1)
                .withSuppression(new dev.vigil.core.finding.Suppression(
                        dev.vigil.core.finding.Suppression.Kind.IN_SOURCE, "reviewed"));
        CorpusComparison c = CorpusComparison.compare(List.of(), List.of(suppressed));
        assertEquals(List.of(), c.allMismatches());
    }

    @Test
    void prefixNamesFindingsOfAnotherBase() {
        CorpusComparison c = CorpusComparison.compare(
                List.of(expect("examples/src/App.java", 3, "java/xss")),
                List.of(finding("java/xss", "src/App.java", 3)), "examples/");
        assertEquals(List.of(), c.allMismatches());
        assertEquals(new RuleTally(1, 1, 0, 0, 0, 0), c.total());
    }
}
