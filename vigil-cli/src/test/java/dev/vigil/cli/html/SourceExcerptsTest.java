package dev.vigil.cli.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.html.SourceExcerpts.Excerpt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceExcerptsTest {

    @TempDir
    Path root;

    private static String numbered(int lines, String eol) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            sb.append("line ").append(i).append(eol);
        }
        return sb.toString();
    }

    @Test
    void keepsOnlyTheLinesAroundEachRequestedRange() throws Exception {
        Files.writeString(root.resolve("A.java"), numbered(40, "\r\n"));
        SourceExcerpts excerpts = new SourceExcerpts(root);
        excerpts.want("A.java", 10, 11);
        excerpts.want("A.java", 30, 30);

        Excerpt a = excerpts.read().get("A.java");

        assertNull(a.unavailable());
        assertEquals("line 7", a.lines().get(7));
        assertEquals("line 14", a.lines().get(14));
        assertEquals("line 27", a.lines().get(27));
        assertEquals("line 33", a.lines().get(33));
        assertEquals(8 + 7, a.lines().size(), "lines 7-14 and 27-33, without the CR of CRLF");
    }

    @Test
    void windowsAreClippedToTheFile() throws Exception {
        Files.writeString(root.resolve("Short.java"), numbered(3, "\n"));
        SourceExcerpts excerpts = new SourceExcerpts(root);
        excerpts.want("Short.java", 1, 1);
        excerpts.want("Short.java", 999, 999);

        assertEquals(Map.of(1, "line 1", 2, "line 2", 3, "line 3"), excerpts.read().get("Short.java").lines());
    }

    @Test
    void unreadableFilesGetAReasonAndTheRestGoesOn() throws Exception {
        Files.createDirectories(root.resolve("dir.java"));
        Files.write(root.resolve("Blob.java"), new byte[] {'a', 0, 'b'});
        Files.writeString(root.resolve("Ok.java"), "ok\n");
        Path outside = Files.writeString(root.resolveSibling(root.getFileName() + "-secret.txt"), "secret\n");
        SourceExcerpts excerpts = new SourceExcerpts(root);
        for (String file : new String[] {"Missing.java", "dir.java", "Blob.java", "Ok.java",
                "../" + outside.getFileName(), outside.toString(), "bad\u0000name"}) {
            excerpts.want(file, 1, 1);
        }

        Map<String, Excerpt> read = excerpts.read();

        assertTrue(read.get("Missing.java").unavailable().startsWith("file not found"));
        assertEquals("not a regular file", read.get("dir.java").unavailable());
        assertEquals("binary file", read.get("Blob.java").unavailable());
        assertTrue(read.get("../" + outside.getFileName()).unavailable().startsWith("outside the source root"));
        assertTrue(read.get(outside.toString()).unavailable().startsWith("outside the source root"));
        assertEquals("not a valid path", read.get("bad\u0000name").unavailable());
        assertEquals(Map.of(1, "ok"), read.get("Ok.java").lines());
        Files.delete(outside);
    }

    @Test
    void malformedUtf8AndHugeLinesStillShow() throws Exception {
        byte[] latin1 = "caf\u00e9 = 1;\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(root.resolve("Latin.java"), latin1);
        Files.writeString(root.resolve("Min.js"), "x".repeat(100_000) + "\n");
        SourceExcerpts excerpts = new SourceExcerpts(root);
        excerpts.want("Latin.java", 1, 1);
        excerpts.want("Min.js", 1, 1);

        Map<String, Excerpt> read = excerpts.read();

        assertEquals("caf\uFFFD = 1;", read.get("Latin.java").lines().get(1));
        String cut = read.get("Min.js").lines().get(1);
        assertEquals(SourceExcerpts.MAX_LINE_CHARS + 2, cut.length());
        assertTrue(cut.endsWith(" \u2026"));
    }

    @Test
    void absurdLineNumbersDoNotAllocate() throws Exception {
        Files.writeString(root.resolve("A.java"), "a\n");
        SourceExcerpts excerpts = new SourceExcerpts(root);
        excerpts.want("A.java", Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
        excerpts.want("A.java", 1, Integer.MAX_VALUE);

        assertEquals(Map.of(1, "a"), excerpts.read().get("A.java").lines());
    }
}
