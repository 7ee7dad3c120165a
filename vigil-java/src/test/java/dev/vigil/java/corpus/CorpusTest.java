package dev.vigil.java.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.source.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every registered analyzer over the marked corpus (and the examples app at the repository root,
 * when present) as one program each, and checks each file's {@code // vigil:} markers against the
 * findings. One dynamic test per file, so a failure names the file and lists its diff lines.
 *
 * <p>Adding a case is adding a file under {@code src/test/corpus/<area>/<folder>/} with a package derived
 * from its path and a marker on each sink line. Mismatches the team accepts for now live in
 * {@code known-gaps.txt}; a listed gap that stops happening fails the run until its line is removed, and
 * {@code -Dvigil.corpus.updateGaps=true} rewrites the list from the current results. The per-rule
 * score table goes to standard output.
 */
class CorpusTest {

    private static final String UPDATE_GAPS = "vigil.corpus.updateGaps";

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path corpusDir = module.resolve("src/test/corpus");
        Path examplesDir = module.getParent() == null ? null : module.getParent().resolve("examples");
        if (!Files.isDirectory(corpusDir)) {
            fail("corpus directory not found: " + corpusDir);
        }

        List<Analyzer> analyzers = new ArrayList<>();
        ServiceLoader.load(Analyzer.class).forEach(analyzers::add);
        assertFalse(analyzers.isEmpty(), "no dev.vigil.core.scan.Analyzer is registered "
                + "(META-INF/services/dev.vigil.core.scan.Analyzer in vigil-java): the corpus cannot be checked");

        AnalysisOptions options = AnalysisOptions.defaults();
        List<CorpusRun> runs = new ArrayList<>();
        runs.add(scan("corpus", corpusDir, analyzers, options, ""));
        if (examplesDir != null && Files.isDirectory(examplesDir)) {
            runs.add(scan("examples", examplesDir, analyzers, options, "examples/"));
        }

        Path gapsFile = corpusDir.resolve(CorpusTree.GAPS_FILE);
        if (Boolean.getBoolean(UPDATE_GAPS)) {
            KnownGaps.write(gapsFile, runs.stream().flatMap(r -> r.comparison().allMismatches().stream()).toList());
            System.out.println("rewrote " + gapsFile);
        }
        KnownGaps gaps = KnownGaps.read(gapsFile);

        List<DynamicNode> nodes = new ArrayList<>();
        for (CorpusRun run : runs) {
            String title = run.prefix().isEmpty() ? "corpus" : run.prefix().substring(0, run.prefix().length() - 1);
            List<DynamicNode> tests = new ArrayList<>();
            if (!run.globalProblems().isEmpty()) {
                tests.add(DynamicTest.dynamicTest("scan", () -> fail(String.join("\n", run.globalProblems()))));
            }
            for (String file : run.reportedFiles()) {
                tests.add(DynamicTest.dynamicTest(file, () -> {
                    List<String> failures = CorpusVerdict.failures(run, file, gaps);
                    if (!failures.isEmpty()) {
                        fail(CorpusVerdict.message(file, failures));
                    }
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(title, tests));
        }
        nodes.add(DynamicTest.dynamicTest(CorpusTree.GAPS_FILE + " names existing files", () -> {
            List<String> orphans = CorpusVerdict.orphanGaps(runs, gaps);
            if (!orphans.isEmpty()) {
                fail(String.join("\n", orphans));
            }
        }));
        return nodes.stream();
    }

    private static CorpusRun scan(String title, Path dir, List<Analyzer> analyzers, AnalysisOptions options,
                                  String prefix) throws IOException {
        SourceSet sources = CorpusTree.load(dir);
        CorpusRun run = CorpusRun.run(sources, analyzers, options, prefix);
        long expect = run.markers().stream().filter(m -> m.kind() == Marker.Kind.EXPECT).count();
        long safe = run.markers().size() - expect;
        System.out.println(CorpusReport.table(title, run.comparison().tallies(), run.files().size(),
                (int) expect, (int) safe));
        return run;
    }
}
