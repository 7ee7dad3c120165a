package dev.vigil.core.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the file URIs tools write into comparable paths. Tools disagree wildly: relative URIs
 * ("src/Foo.java"), absolute file URIs ("file:///C:/work/Foo.java", "file:/home/x/Foo.java"),
 * percent-encoded characters ("My%20Test.java"), Windows separators ("src\\Foo.java").
 */
public final class ResultPaths {

    private ResultPaths() {
    }

    /** A '/'-separated, percent-decoded path without scheme, authority, query or fragment. */
    public static String normalize(String uri) {
        if (uri == null) {
            return "";
        }
        String s = uri.strip().replace('\\', '/');
        if (s.regionMatches(true, 0, "file:", 0, 5)) {
            s = s.substring(5);
            if (s.startsWith("//")) {
                // "file://host/path" or "file:///path": drop the (usually empty) authority
                int slash = s.indexOf('/', 2);
                s = slash < 0 ? "" : s.substring(slash);
            }
            // "/C:/work" -> "C:/work"
            if (s.length() >= 3 && s.charAt(0) == '/' && Character.isLetter(s.charAt(1)) && s.charAt(2) == ':') {
                s = s.substring(1);
            }
        }
        int cut = firstOf(s, '?', '#');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        s = percentDecode(s);
        // decoding may reveal encoded backslashes (%5C)
        return s.replace('\\', '/');
    }

    /** "a/b/TestCase00001.java" -> "TestCase00001"; "Foo" -> "Foo"; ".hidden" -> ".hidden". */
    public static String baseNameWithoutExtension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * True when a result path and a path from a truth file name the same file: equal, or one is a
     * suffix of the other at a directory boundary (tools report paths relative to different roots).
     */
    public static boolean sameFile(String resultPath, String expectedPath) {
        String a = trimDotSlash(normalize(resultPath));
        String b = trimDotSlash(normalize(expectedPath));
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || a.endsWith("/" + b) || b.endsWith("/" + a);
    }

    private static String trimDotSlash(String s) {
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    /** Decodes %XX as UTF-8 bytes; unlike URLDecoder it keeps '+' and tolerates a stray '%'. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
