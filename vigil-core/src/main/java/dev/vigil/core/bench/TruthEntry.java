package dev.vigil.core.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One real vulnerability of a truth file: a project as it was before the fix, the CWE(s) of the
 * vulnerability, and the regions the fix changed.
 *
 * @param project the project directory (resolved against the truth file's directory)
 * @param sarif results to use instead of scanning the project, or null to scan it in-process
 */
public record TruthEntry(String id, Path project, Set<Integer> cwes, List<ChangedFile> changes, Path sarif) {

    public TruthEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        cwes = Set.copyOf(cwes);
        changes = List.copyOf(changes);
    }

    /**
     * A file the fix changed.
     *
     * @param path relative to the project directory, '/'-separated
     * @param lines changed line ranges (inclusive); empty means anywhere in the file
     */
    public record ChangedFile(String path, List<LineRange> lines) {

        public ChangedFile {
            Objects.requireNonNull(path, "path");
            lines = List.copyOf(lines);
        }

        boolean covers(ToolResult r) {
            if (!ResultPaths.sameFile(r.path(), path)) {
                return false;
            }
            return lines.isEmpty() || lines.stream().anyMatch(range -> range.contains(r.line()));
        }
    }

    /** Lines {@code first} to {@code last}, both inclusive, 1-based. */
    public record LineRange(int first, int last) {

        public LineRange {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("invalid line range " + first + "-" + last);
            }
        }

        boolean contains(int line) {
            return line >= first && line <= last;
        }
    }
}
