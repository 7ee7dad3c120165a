package dev.vigil.core.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Options every analysis receives.
 *
 * @param threatModels enabled source kinds: "remote" (default), "local", "library"
 * @param modelFiles extra models-as-data files beyond the bundled ones and the project's .vigil/models
 * @param jobs worker threads
 */
public record AnalysisOptions(Set<String> threatModels, List<Path> modelFiles, int jobs) {

    public AnalysisOptions {
        threatModels = Set.copyOf(threatModels);
        modelFiles = List.copyOf(modelFiles);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1");
        }
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(Set.of("remote"), List.of(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
