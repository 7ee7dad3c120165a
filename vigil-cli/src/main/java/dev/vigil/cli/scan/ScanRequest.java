package dev.vigil.cli.scan;

import dev.vigil.core.baseline.Baseline;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.source.SourceCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to scan and how.
 *
 * @param baseline findings known from an earlier run, to leave out of the result; null for none
 */
public record ScanRequest(List<Path> paths, SourceCollector.Options sourceOptions, AnalysisOptions analysisOptions,
                          Baseline baseline) {

    public ScanRequest {
        paths = List.copyOf(paths);
        Objects.requireNonNull(sourceOptions, "sourceOptions");
        Objects.requireNonNull(analysisOptions, "analysisOptions");
    }

    public static ScanRequest of(List<Path> paths) {
        return new ScanRequest(paths, SourceCollector.Options.defaults(), AnalysisOptions.defaults(), null);
    }
}
