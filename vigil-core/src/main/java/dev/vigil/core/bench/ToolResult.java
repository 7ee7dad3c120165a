package dev.vigil.core.bench;

import java.util.Objects;
import java.util.Set;

/**
 * The part of one tool result the benchmarks need.
 *
 * @param path the result's file as a '/'-separated path, decoded from its URI ("" when the result has no file)
 * @param cwes every CWE the result or its rule claims; empty when the tool gave none
 * @param line the 1-based start line, or 0 when unknown
 */
public record ToolResult(String path, Set<Integer> cwes, String ruleId, int line) {

    public ToolResult {
        Objects.requireNonNull(path, "path");
        cwes = Set.copyOf(cwes);
        ruleId = ruleId == null ? "" : ruleId;
    }

    /** The file name without directories and without its last extension: the test case it belongs to. */
    public String baseName() {
        return ResultPaths.baseNameWithoutExtension(path);
    }
}
