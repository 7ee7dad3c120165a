package dev.vigil.java.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerParserTest {

    @Test
    void readsExpectAndSafeMarkersWithTheirLines() {
        String text = """
                class A {
                  void f() {
                    st.executeQuery(q); // vigil: expect java/sql-injection
                    out.println(x);   //vigil:safe java/xss
                  }
                }
                """;
        List<Marker> markers = MarkerParser.parse("a/A.java", text);
        assertEquals(List.of(
                new Marker("a/A.java", 3, Marker.Kind.EXPECT, "java/sql-injection"),
                new Marker("a/A.java", 4, Marker.Kind.SAFE, "java/xss")), markers);
    }

    @Test
    void splitsSeveralRulesOnOneLine() {
        List<Marker> markers = MarkerParser.parse("B.java",
                "x(); // vigil: expect java/xss, java/trust-boundary-violation\n");
        assertEquals(List.of("java/xss", "java/trust-boundary-violation"),
                markers.stream().map(Marker::ruleId).toList());
        assertTrue(markers.stream().allMatch(m -> m.line() == 1 && m.kind() == Marker.Kind.EXPECT));
    }

    @Test
    void handlesWindowsLineEndings() {
        List<Marker> markers = MarkerParser.parse("C.java", "a();\r\nb(); // vigil: safe java/log-injection\r\n");
        assertEquals(2, markers.get(0).line());
    }

    @Test
    void unknownRuleIdFailsWithFileAndLine() {
        MarkerSyntaxException e = assertThrows(MarkerSyntaxException.class,
                () -> MarkerParser.parse("t/D.java", "\n\nf(); // vigil: expect java/sql-injecton\n"));
        assertEquals("t/D.java:3: unknown rule id 'java/sql-injecton' (not in RULES.md)", e.getMessage());
    }

    @Test
    void unknownKindFails() {
        MarkerSyntaxException e = assertThrows(MarkerSyntaxException.class,
                () -> MarkerParser.parse("E.java", "f(); // vigil: expext java/xss\n"));
        assertTrue(e.getMessage().startsWith("E.java:1: unknown marker kind 'expext'"), e.getMessage());
    }

    @Test
    void markerWithoutRuleFails() {
        assertThrows(MarkerSyntaxException.class, () -> MarkerParser.parse("F.java", "f(); // vigil: expect\n"));
        assertThrows(MarkerSyntaxException.class, () -> MarkerParser.parse("F.java", "f(); // vigil:\n"));
        assertThrows(MarkerSyntaxException.class, () -> MarkerParser.parse("F.java", "f(); // vigil: safe java/xss,\n"));
    }

    @Test
    void duplicateRuleOnOneLineFails() {
        assertThrows(MarkerSyntaxException.class,
                () -> MarkerParser.parse("G.java", "f(); // vigil: expect java/xss, java/xss\n"));
    }

    @Test
    void misuseRulesAreKnownToo() {
        assertEquals(1, MarkerParser.parse("H.java", "md(); // vigil: expect java/weak-hash\n").size());
    }

    @Test
    void ordinaryCommentsAreIgnored() {
        assertEquals(List.of(), MarkerParser.parse("I.java", "// vigilant code\n/* vigil: expect java/xss */\nint a;\n"));
    }
}
