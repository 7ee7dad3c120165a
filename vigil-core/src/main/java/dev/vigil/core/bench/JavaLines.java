package dev.vigil.core.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Counts lines of .java files under a directory, the denominator of "alarms per thousand lines".
 * Counts physical lines (a final line without a newline counts too), blank and comment lines
 * included, as {@code wc -l} users expect; counted on bytes so that no encoding can fail it.
 */
public final class JavaLines {

    private JavaLines() {
    }

    public static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".java"))
                    .filter(Files::isRegularFile)
                    .mapToLong(JavaLines::countFile)
                    .sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static long countFile(Path file) {
        long lines = 0;
        int last = '\n';
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                last = buf[n - 1];
            }
        } catch (IOException e) {
            // an unreadable file contributes nothing; the scan itself reports it
            return 0;
        }
        return last == '\n' ? lines : lines + 1;
    }
}
