package dev.vigil.java.corpus;

import dev.vigil.core.source.SourceCollector;
import dev.vigil.core.source.SourceSet;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a directory of corpus files into the {@link SourceSet} the analyzers see, through the same
 * {@link SourceCollector} that {@code vigil scan} uses: the corpus measures what a user gets, including
 * how files are found and decoded. Paths are relative to the directory.
 */
final class CorpusTree {

    /** The harness's own bookkeeping, next to the cases; the collector skips it as a non-source file. */
    static final String GAPS_FILE = "known-gaps.txt";

    private CorpusTree() {
    }

    static SourceSet load(Path dir) {
        return new SourceCollector(SourceCollector.Options.defaults()).collect(List.of(dir));
    }
}
