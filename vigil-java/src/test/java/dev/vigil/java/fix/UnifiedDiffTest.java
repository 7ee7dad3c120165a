package dev.vigil.java.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void hunkWithContextKeepsCrlfAndMarksAMissingFinalNewline() {
        String before = "a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng";
        String after = "a\r\nb\r\nc\r\nD\r\ne\r\nf\r\ng!";
        assertEquals("""
                diff --git a/x/Y.java b/x/Y.java
                --- a/x/Y.java
                +++ b/x/Y.java
                @@ -1,7 +1,7 @@
                 a\r
                 b\r
                 c\r
                -d\r
                +D\r
                 e\r
                 f\r
                -g
                \\ No newline at end of file
                +g!
                \\ No newline at end of file
                """, UnifiedDiff.of("x/Y.java", before, after));
    }

    @Test
    void distantChangesGetSeparateHunksAndInsertionsCountRight() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            a.append("L").append(i).append('\n');
        }
        String before = a.toString();
        String after = before.replace("L2\n", "L2\nnew\n").replace("L18\n", "");
        String diff = UnifiedDiff.of("F.java", before, after);
        assertEquals(true, diff.contains("@@ -1,5 +1,6 @@\n"), diff);
        assertEquals(true, diff.contains("@@ -15,6 +16,5 @@\n"), diff);
    }

    @Test
    void equalTextsGiveNoDiff() {
        assertEquals("", UnifiedDiff.of("F.java", "x\n", "x\n"));
    }
}
