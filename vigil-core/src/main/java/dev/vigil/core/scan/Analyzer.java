package dev.vigil.core.scan;

import dev.vigil.core.source.SourceSet;

/**
 * An analysis over a whole source set (the Java taint engine, the API-misuse checks). Must not throw
 * for bad input: a file it cannot handle becomes a {@link Notification}.
 */
public interface Analyzer {

    String name();

    AnalysisResult analyze(SourceSet sources, AnalysisOptions options, Progress progress);
}
