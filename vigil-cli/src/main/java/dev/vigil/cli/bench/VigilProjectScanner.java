package dev.vigil.cli.bench;

import dev.vigil.cli.scan.ScanOutcome;
import dev.vigil.cli.scan.ScanPipeline;
import dev.vigil.cli.scan.ScanRequest;
import dev.vigil.cli.scan.TerminalProgress;
import dev.vigil.core.bench.ProjectScanner;
import dev.vigil.core.bench.ToolResults;
import dev.vigil.core.bench.VigilResults;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The in-process scan used by {@code vigil bench PATH} and by truth entries without a SARIF file.
 * It is the {@code vigil scan} pipeline with default options (sources, every analyzer, inline
 * suppressions), so a scorecard measures what users get from {@code vigil scan}.
 */
final class VigilProjectScanner implements ProjectScanner {

    private final Supplier<List<Analyzer>> analyzers;
    private final PrintWriter progressOut;

    /** @param progressOut where to draw progress (a terminal's stderr), or null for none */
    VigilProjectScanner(Supplier<List<Analyzer>> analyzers, PrintWriter progressOut) {
        this.analyzers = analyzers;
        this.progressOut = progressOut;
    }

    static ProjectScanner create(PrintWriter progressOut) {
        return new VigilProjectScanner(ScanPipeline::discoverAnalyzers, progressOut);
    }

    @Override
    public ToolResults scan(Path dir) {
        ScanOutcome outcome;
        try (TerminalProgress progress = progressOut == null ? null : new TerminalProgress(progressOut)) {
            outcome = new ScanPipeline(analyzers.get()).run(ScanRequest.of(List.of(dir)),
                    progress == null ? Progress.NONE : progress);
        }
        ToolResults results = VigilResults.from(outcome.result(), dir.toString());
        if (!outcome.result().successful()) {
            // an analyzer crashed: its findings are missing, and the scorecard must not look clean
            throw new IllegalStateException("the scan of " + dir + " was incomplete: "
                    + String.join("; ", results.warnings()));
        }
        return results;
    }
}
