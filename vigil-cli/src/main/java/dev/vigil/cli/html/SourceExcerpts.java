package dev.vigil.cli.html;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of scanned files that a report shows: a few lines around every flow step, read once per
 * file. Only the requested lines are kept, so 10,000 findings in a few hundred files embed each line
 * once. A file that cannot be shown (missing, outside the root, binary, too large, unreadable) gets a
 * reason instead of lines, and the report says so where the code would be.
 */
final class SourceExcerpts {

    /** Lines of context shown above and below each step. */
    static final int CONTEXT = 3;
    /** Longer lines are cut: a minified or generated line must not blow up the report. */
    static final int MAX_LINE_CHARS = 400;
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** Lines of one file, by 1-based line number; or why there are none. */
    record Excerpt(Map<Integer, String> lines, String unavailable) {

        static Excerpt of(Map<Integer, String> lines) {
            return new Excerpt(Map.copyOf(lines), null);
        }

        static Excerpt unavailable(String reason) {
            return new Excerpt(Map.of(), reason);
        }
    }

    private final Path root;
    private final Map<String, BitSet> wanted = new LinkedHashMap<>();

    SourceExcerpts(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Asks for lines {@code from - CONTEXT} to {@code to + CONTEXT} of {@code file}. */
    void want(String file, int from, int to) {
        if (from > MAX_FILE_BYTES) {
            return; // no file we would read has that many lines
        }
        int first = Math.max(1, from - CONTEXT);
        // A bogus end line from a foreign SARIF file must not make us allocate gigabytes of bits.
        int last = Math.min(Math.max(from, to), from + 200) + CONTEXT;
        wanted.computeIfAbsent(file, f -> new BitSet()).set(first, last + 1);
    }

    /** Reads every requested file; never throws for a file's sake. */
    Map<String, Excerpt> read() {
        Map<String, Excerpt> result = new TreeMap<>();
        wanted.forEach((file, lines) -> result.put(file, read(file, lines)));
        return result;
    }

    private Excerpt read(String file, BitSet lines) {
        Path path;
        try {
            path = root.resolve(file).normalize();
        } catch (InvalidPathException e) {
            return Excerpt.unavailable("not a valid path");
        }
        // The file names come from the findings, possibly from a SARIF file someone else wrote: never
        // let "../../home/me/.ssh/id_rsa" pull a file from outside the scanned tree into the report.
        if (!path.startsWith(root)) {
            return Excerpt.unavailable("outside the source root " + root);
        }
        try {
            if (!Files.isRegularFile(path)) {
                return Excerpt.unavailable(Files.exists(path) ? "not a regular file" : "file not found under " + root);
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                return Excerpt.unavailable("file larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
            }
            byte[] bytes = Files.readAllBytes(path);
            if (looksBinary(bytes)) {
                return Excerpt.unavailable("binary file");
            }
            return Excerpt.of(select(decode(bytes).lines().toList(), lines));
        } catch (NoSuchFileException e) {
            return Excerpt.unavailable("file not found under " + root);
        } catch (IOException | SecurityException e) {
            return Excerpt.unavailable("cannot read: " + e.getMessage());
        }
    }

    private static Map<Integer, String> select(List<String> all, BitSet wanted) {
        Map<Integer, String> kept = new TreeMap<>();
        for (int n = wanted.nextSetBit(1); n >= 1 && n <= all.size(); n = wanted.nextSetBit(n + 1)) {
            String line = all.get(n - 1);
            kept.put(n, line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + " \u2026" : line);
        }
        return kept;
    }

    /** UTF-8 (Vigil's default source encoding); a file in another encoding still shows, with replacement characters. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
