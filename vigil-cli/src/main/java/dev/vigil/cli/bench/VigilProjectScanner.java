package dev.vigil.cli.bench;

import dev.vigil.core.bench.ProjectScanner;

/**
 * Supplies the in-process scan used by {@code vigil bench PATH} and by truth entries without a SARIF
 * file. It must be the same pipeline as {@code vigil scan} (sources, analyzers, suppressions), so that
 * a scorecard measures what users get; until that pipeline is part of the build there is none, and
 * the command tells the user to pass Vigil's SARIF instead.
 */
final class VigilProjectScanner {

    private VigilProjectScanner() {
    }

    static ProjectScanner create() {
        return null;
    }
}
