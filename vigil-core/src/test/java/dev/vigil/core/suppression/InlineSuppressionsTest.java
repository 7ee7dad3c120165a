package dev.vigil.core.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineSuppressionsTest {

    static final String CODE = String.join("\n",
            "class A {",                                                              // 1
            "  void a() {",                                                           // 2
            "    run(q); // vigil-ignore[java/sql-injection]: ids are numeric here",  // 3
            "    // vigil-ignore[java/weak-hash, java/sql-injection]: checksum only",  // 4
            "    run(q);",                                                            // 5
            "    other(); // vigil-ignore: trailing comment of line 6",               // 6
            "    run(q);",                                                            // 7
            "    /* vigil-ignore */",                                                 // 8
            "    run(q);",                                                            // 9
            "    run(q); // vigil-ignore[java/xss]: another rule",                    // 10
            "  }",
            "}");

    static Finding at(String rule, int line) {
        return Finding.of(rule, 89, Severity.HIGH, "m", Location.line("A.java", line), "A.a()", List.of());
    }

    static List<Finding> apply(Finding... findings) {
        SourceSet set = new SourceSet(Path.of("/p"), List.of(new SourceFile(Path.of("/p/A.java"), "A.java", CODE,
                StandardCharsets.UTF_8, false, "\n")), List.of(), List.of());
        return InlineSuppressions.apply(List.of(findings), set);
    }

    @Test
    void suppressesOnTheLineAndOnTheLineAbove() {
        List<Finding> out = apply(at("java/sql-injection", 3), at("java/sql-injection", 5), at("java/weak-hash", 5),
                at("java/sql-injection", 9));
        assertEquals(new Suppression(Suppression.Kind.IN_SOURCE, "ids are numeric here"), out.get(0).suppression());
        assertEquals("checksum only", out.get(1).suppression().justification());
        assertEquals("checksum only", out.get(2).suppression().justification());
        assertEquals(new Suppression(Suppression.Kind.IN_SOURCE, ""), out.get(3).suppression());
    }

    @Test
    void leavesOtherRulesAndTrailingCommentsOfThePreviousStatementAlone() {
        List<Finding> out = apply(at("java/sql-injection", 7), at("java/sql-injection", 10), at("java/xss", 10),
                at("java/sql-injection", 1), Finding.of("java/x", 1, Severity.LOW, "", Location.line("B.java", 3), "",
                        List.of()));
        assertNull(out.get(0).suppression(), "line 6's trailing comment is about line 6");
        assertNull(out.get(1).suppression());
        assertEquals("another rule", out.get(2).suppression().justification());
        assertNull(out.get(3).suppression());
        assertFalse(out.get(4).isSuppressed(), "file not in the source set");
    }

    @Test
    void keepsAnAnalyzersOwnSuppression() {
        Suppression annotation = new Suppression(Suppression.Kind.IN_SOURCE, "@SuppressWarnings");
        List<Finding> out = apply(at("java/sql-injection", 3).withSuppression(annotation));
        assertEquals(annotation, out.get(0).suppression());
    }

    @Test
    void parsesDirectives() {
        assertEquals(new InlineSuppressions.Directive(List.of("a/b", "c/d"), "why"),
                InlineSuppressions.parse("x(); // vigil-ignore[a/b,c/d]: why").orElseThrow());
        assertEquals(new InlineSuppressions.Directive(List.of(), "why"),
                InlineSuppressions.parse("# vigil-ignore: why").orElseThrow());
        assertFalse(InlineSuppressions.parse("// vigil-ignored because").isPresent());
    }
}
