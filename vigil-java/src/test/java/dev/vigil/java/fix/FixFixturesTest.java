package dev.vigil.java.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceCollector;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.JavaAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before/after pairs in OpenRewrite's style: each {@code src/test/fixes/<kind>/Name.input.java} is
 * scanned, fixed and verified as a one-file project, and the result must equal
 * {@code Name.expected.java} byte for byte. A case the recipe must refuse has an expected file equal
 * to its input.
 */
class FixFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/fixes");

    @TempDir
    Path project;

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".input.java")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixMatchesExpectedOutput(Path input) throws IOException {
        String name = input.getFileName().toString().replace(".input.java", "");
        Path expectedFile = input.resolveSibling(name + ".expected.java");
        Path file = project.resolve(name + ".java");
        Files.copy(input, file);

        String fixed = fix(project).getOrDefault(name + ".java", Files.readString(file));

        if (Files.notExists(expectedFile) && Boolean.getBoolean("vigil.fixtures.record")) {
            // Recording a new case: the author reviews the written file before committing it.
            Files.writeString(expectedFile, fixed);
        }
        assertFalse(Files.notExists(expectedFile), "missing " + expectedFile + "; the fixed text is:\n" + fixed);
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), fixed);
    }

    /** Scans, proposes and verifies; returns the verified fixed texts by relative path. */
    static java.util.Map<String, String> fix(Path dir) {
        SourceSet sources = new SourceCollector(SourceCollector.Options.defaults()).collect(List.of(dir), Progress.NONE);
        JavaAnalyzer analyzer = new JavaAnalyzer();
        List<Finding> findings = analyzer.analyze(sources, AnalysisOptions.defaults(), Progress.NONE).findings();
        List<FixProposal> proposals = FixEngine.forProject(sources).propose(sources, findings);
        return new FixVerifier(List.of(analyzer), AnalysisOptions.defaults())
                .verify(sources, findings, proposals, FixVerifier.Mode.PARSE).fixedTexts();
    }
}
