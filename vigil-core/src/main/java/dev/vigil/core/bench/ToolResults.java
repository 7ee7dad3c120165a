package dev.vigil.core.bench;

import java.util.List;
import java.util.Objects;

/**
 * All results of one tool run, as read from one SARIF file or produced by an in-process scan.
 *
 * @param tool the tool name shown in scorecards
 * @param source where the results came from (a file name), for reports
 * @param warnings things in the input that were skipped (a result without a location...), for stderr
 */
public record ToolResults(String tool, String source, List<ToolResult> results, List<String> warnings) {

    public ToolResults {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(source, "source");
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }

    public ToolResults withTool(String name) {
        return new ToolResults(name, source, results, warnings);
    }
}
