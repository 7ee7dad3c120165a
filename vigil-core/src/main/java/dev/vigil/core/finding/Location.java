package dev.vigil.core.finding;

import java.util.Objects;

/**
 * A region of a source file. {@code file} is relative to the scan root and uses '/' separators, so
 * reports and fingerprints do not depend on where the project was checked out. Lines and columns
 * are 1-based; the end column is exclusive, as in SARIF.
 */
public record Location(String file, int startLine, int startColumn, int endLine, int endColumn, String snippet) {

    public Location {
        Objects.requireNonNull(file, "file");
        if (startLine < 1) {
            throw new IllegalArgumentException("startLine must be >= 1: " + startLine);
        }
        if (endLine < startLine) {
            endLine = startLine;
        }
        snippet = snippet == null ? "" : snippet;
    }

    public static Location line(String file, int line) {
        return new Location(file, line, 1, line, 1, "");
    }

    public String shortText() {
        return file + ":" + startLine;
    }
}
