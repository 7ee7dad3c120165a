package dev.vigil.cli.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.baseline.Baseline;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceCollector;
import dev.vigil.core.source.SourceSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline mechanics with an analyzer built here, so each stage's effect is exactly known. */
class ScanPipelineTest {

    /** Reports every line calling {@code call()}, without a snippet, all in one method. */
    static final class CallAnalyzer implements Analyzer {
        @Override
        public String name() {
            return "calls";
        }

        @Override
        public AnalysisResult analyze(SourceSet sources, AnalysisOptions options, Progress progress) {
            List<Finding> out = new java.util.ArrayList<>();
            sources.javaFiles().forEach(f -> {
                String[] lines = f.text().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains("call()")) {
                        out.add(Finding.of("test/call", 0, Severity.HIGH, "call",
                                new Location(f.relativePath(), i + 1, 1, i + 1, 1, ""), "A.m()", List.of()));
                    }
                }
            });
            return new AnalysisResult(out, List.of());
        }
    }

    @Test
    void fillsSnippetsSuppressesDisambiguatesAndAppliesTheBaseline(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A.java"), String.join("\n",
                "class A { void m() {",
                "  call();",
                "  call();",
                "  call(); // vigil-ignore[test/call]: reviewed",
                "} }"));
        ScanRequest request = new ScanRequest(List.of(dir), SourceCollector.Options.defaults(),
                new AnalysisOptions(Set.of("remote"), List.of(), 1), null);
        ScanOutcome first = new ScanPipeline(List.of(new CallAnalyzer())).run(request, Progress.NONE);
        List<Finding> findings = first.result().findings();
        assertEquals(3, findings.size());
        assertEquals("call();", findings.get(0).location().snippet());
        // The snippet is filled in after fingerprinting: the analyzer's fingerprint is kept.
        assertEquals(findings.get(0).fingerprint() + ":2", findings.get(1).fingerprint());
        assertTrue(findings.get(2).isSuppressed());
        assertEquals("reviewed", findings.get(2).suppression().justification());

        Baseline known = Baseline.of(dir.resolve("baseline.sarif"), Set.of(findings.get(0).fingerprint()));
        ScanOutcome second = new ScanPipeline(List.of(new CallAnalyzer())).run(
                new ScanRequest(List.of(dir), request.sourceOptions(), request.analysisOptions(), known),
                Progress.NONE);
        assertEquals(1, second.hiddenByBaseline());
        assertEquals(2, second.result().findings().size());
        assertEquals(5, second.result().linesScanned());
        assertEquals(dir.toAbsolutePath().normalize(), second.baseDirectory());
    }

    @Test
    void discoversTheJavaAnalyzerThroughTheServiceLoader() {
        assertTrue(ScanPipeline.discoverAnalyzers().stream().anyMatch(a -> a.name().equals("java")));
    }
}
