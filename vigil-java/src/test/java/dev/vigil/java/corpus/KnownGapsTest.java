package dev.vigil.java.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownGapsTest {

    @TempDir
    Path dir;

    private static Mismatch missing(String file, int line, String rule) {
        return new Mismatch(Mismatch.Type.MISSING, new LineKey(file, line, rule), "");
    }

    private static Mismatch unexpected(String file, int line, String rule, String flow) {
        return new Mismatch(Mismatch.Type.UNEXPECTED, new LineKey(file, line, rule), flow);
    }

    @Test
    void absentFileMeansNoGaps() throws IOException {
        KnownGaps gaps = KnownGaps.read(dir.resolve("known-gaps.txt"));
        assertFalse(gaps.accepts(missing("A.java", 1, "java/xss")));
    }

    @Test
    void acceptsListedMismatchesWhateverTheirFlow() throws IOException {
        Path file = dir.resolve("known-gaps.txt");
        Files.writeString(file, """
                # comment
                missing   taint/A.java:3 java/xss

                unexpected taint/A.java:9 java/sql-injection (flow: old path)
                """);
        KnownGaps gaps = KnownGaps.read(file);
        assertTrue(gaps.accepts(missing("taint/A.java", 3, "java/xss")));
        assertTrue(gaps.accepts(unexpected("taint/A.java", 9, "java/sql-injection", "A.java:1 -> A.java:9")));
        assertFalse(gaps.accepts(unexpected("taint/A.java", 3, "java/xss", "")));
        assertEquals(4, gaps.lineOf("unexpected taint/A.java:9 java/sql-injection"));
    }

    @Test
    void listedGapThatNoLongerOccursIsStale() throws IOException {
        Path file = dir.resolve("known-gaps.txt");
        Files.writeString(file, "missing   A.java:3 java/xss\nmissing   A.java:5 java/xss\nmissing   B.java:1 java/xss\n");
        KnownGaps gaps = KnownGaps.read(file);
        assertEquals(List.of("missing   A.java:5 java/xss"),
                gaps.stale("A.java", List.of(missing("A.java", 3, "java/xss"))));
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        Path file = dir.resolve("known-gaps.txt");
        Files.writeString(file, "missing   A.java:3 java/xss\nmisssing A.java:4 java/xss\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownGaps.read(file));
        assertTrue(e.getMessage().startsWith("known-gaps.txt:2: not a gap line"), e.getMessage());
    }

    @Test
    void writeReplacesTheFileSortedWithoutFlowsAndLeavesNoTempFile() throws IOException {
        Path file = dir.resolve("known-gaps.txt");
        Files.writeString(file, "missing   Old.java:1 java/xss\n");
        KnownGaps.write(file, List.of(
                unexpected("B.java", 2, "java/xss", "B.java:1 -> B.java:2"),
                missing("A.java", 7, "java/ssrf"),
                missing("A.java", 7, "java/ssrf")));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("missing   A.java:7 java/ssrf", "unexpected B.java:2 java/xss"), lines);
        try (var list = Files.list(dir)) {
            assertEquals(List.of(file), list.toList());
        }
        KnownGaps reread = KnownGaps.read(file);
        assertTrue(reread.accepts(missing("A.java", 7, "java/ssrf")));
    }
}
