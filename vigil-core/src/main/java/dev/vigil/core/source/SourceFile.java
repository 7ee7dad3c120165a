package dev.vigil.core.source;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One decoded source file of the scanned tree.
 *
 * @param path absolute path on disk
 * @param relativePath path relative to the scan base, '/' separators; used in every report
 * @param text the decoded content (BOM removed)
 * @param charset the encoding the text was decoded with
 * @param bom whether the file started with a byte order mark
 * @param lineSeparator the file's dominant line separator ("\n", "\r\n" or "\r")
 */
public record SourceFile(Path path, String relativePath, String text, Charset charset, boolean bom,
                         String lineSeparator) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        lineSeparator = lineSeparator == null ? "\n" : lineSeparator;
    }

    public long lineCount() {
        if (text.isEmpty()) {
            return 0;
        }
        long n = text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? n : n + 1;
    }

    public boolean isJava() {
        return relativePath.endsWith(".java");
    }

    public boolean isProperties() {
        return relativePath.endsWith(".properties");
    }
}
