package dev.vigil.java.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end on a small tree in a temp dir, scanned by a hand-made analyzer. */
class CorpusHarnessTest {

    @TempDir
    Path dir;

    /**
     * Reports java/sql-injection on every line that calls executeQuery, and nothing else: deliberately
     * naive, so the tree below has one true positive, one false positive and one false negative.
     */
    static final class LineMatchingAnalyzer implements Analyzer {
        SourceSet seen;

        @Override
        public String name() {
            return "line-matcher";
        }

        @Override
        public AnalysisResult analyze(SourceSet sources, AnalysisOptions options, Progress progress) {
            seen = sources;
            List<Finding> findings = new ArrayList<>();
            for (SourceFile f : sources.javaFiles()) {
                String[] lines = f.text().split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains("executeQuery(")) {
                        findings.add(Finding.of("java/sql-injection", 89, Severity.HIGH, "sql",
                                Location.line(f.relativePath(), i + 1), "Dao.find", List.of()));
                    }
                }
            }
            return new AnalysisResult(findings, List.of(new Notification(Notification.Level.ERROR,
                    "taint/broken/Broken.java", 2, "cannot parse")));
        }
    }

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void comparesMarkersWithFindingsPerFileAndHonoursGaps() throws IOException {
        write("taint/sqli/Dao.java", """
                package corpus.sqli;
                class Dao {
                  void a(Statement st, String q) throws Exception {
                    st.executeQuery(q); // vigil: expect java/sql-injection
                    st.executeQuery("SELECT 1"); // vigil: safe java/sql-injection
                    st.execute(q); // vigil: expect java/sql-injection
                  }
                }
                """);
        write("taint/sqli/app.properties", "table=users\n");
        write("taint/bad/Bad.java", "package corpus.bad; class Bad { void f() { g(); // vigil: expect java/sqli\n } }\n");
        Files.write(dir.resolve("taint/bad/Latin.java"), new byte[] {'/', '/', ' ', (byte) 0xE9, '\n'});
        write("known-gaps.txt", "missing   taint/sqli/Dao.java:6 java/sql-injection\n");
        Files.write(dir.resolve("taint/sqli/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        LineMatchingAnalyzer analyzer = new LineMatchingAnalyzer();
        SourceSet sources = CorpusTree.load(dir);
        CorpusRun run = CorpusRun.run(sources, List.of(analyzer), AnalysisOptions.defaults(), "");

        assertEquals(List.of("taint/bad/Bad.java", "taint/sqli/Dao.java", "taint/sqli/app.properties"),
                analyzer.seen.files().stream().map(SourceFile::relativePath).toList(),
                "the gaps file and binary files are not scanned; the non-UTF-8 source is left out with an error");
        assertEquals(1, analyzer.seen.propertiesFiles().size());

        KnownGaps gaps = KnownGaps.read(dir.resolve("known-gaps.txt"));
        assertEquals(List.of("unexpected taint/sqli/Dao.java:5 java/sql-injection"),
                CorpusVerdict.failures(run, "taint/sqli/Dao.java", gaps));
        assertEquals(List.of("bad marker: taint/bad/Bad.java:1: unknown rule id 'java/sqli' (not in RULES.md)"),
                CorpusVerdict.failures(run, "taint/bad/Bad.java", gaps));
        assertTrue(CorpusVerdict.failures(run, "taint/bad/Latin.java", gaps).get(0).contains("not valid UTF-8"));
        assertTrue(CorpusVerdict.failures(run, "taint/broken/Broken.java", gaps).get(0)
                .contains("taint/broken/Broken.java:2: cannot parse"));

        RuleTally sql = run.comparison().tallies().get("java/sql-injection");
        assertEquals(new RuleTally(2, 1, 1, 1, 1, 0), sql);
    }

    @Test
    void aFixedGapFailsUntilItIsRemoved() throws IOException {
        write("a/Dao.java", "package corpus.a; class Dao { void a(Statement st, String q) { st.executeQuery(q); // vigil: expect java/sql-injection\n } }\n");
        write("known-gaps.txt", "missing   a/Dao.java:1 java/sql-injection\nmissing   gone/Old.java:4 java/xss\n");
        CorpusRun run = CorpusRun.run(CorpusTree.load(dir), List.of(new LineMatchingAnalyzer()),
                AnalysisOptions.defaults(), "");
        KnownGaps gaps = KnownGaps.read(dir.resolve("known-gaps.txt"));
        List<String> failures = CorpusVerdict.failures(run, "a/Dao.java", gaps);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).startsWith("fixed     a/Dao.java:1 java/sql-injection is listed in known-gaps.txt:1"),
                failures.get(0));
        assertEquals(List.of("known-gaps.txt names gone/Old.java, which is not in the corpus any more: remove its lines"),
                CorpusVerdict.orphanGaps(List.of(run), gaps));
    }

    @Test
    void duplicateClassesAndMissingPackagesFailTheirFiles() throws IOException {
        write("one/Same.java", "package corpus.shared;\nclass Same {}\n");
        write("two/Same.java", "package corpus.shared;\nclass Same {}\n");
        write("three/Loose.java", "class Loose {}\n");
        CorpusRun run = CorpusRun.run(CorpusTree.load(dir), List.of(new LineMatchingAnalyzer()),
                AnalysisOptions.defaults(), "");
        KnownGaps none = KnownGaps.read(dir.resolve("known-gaps.txt"));
        assertEquals(List.of(), CorpusVerdict.failures(run, "one/Same.java", none));
        assertEquals(List.of("class corpus.shared.Same is also declared by one/Same.java: use a package derived from the path"),
                CorpusVerdict.failures(run, "two/Same.java", none));
        assertEquals(List.of("no package declaration: every corpus file needs a package derived from its path"),
                CorpusVerdict.failures(run, "three/Loose.java", none));
    }

    @Test
    void anAnalyzerThatThrowsFailsTheRunInsteadOfPassingIt() throws IOException {
        write("a/A.java", "class A {}\n");
        Analyzer throwing = new Analyzer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public AnalysisResult analyze(SourceSet sources, AnalysisOptions options, Progress progress) {
                throw new IllegalStateException("boom");
            }
        };
        CorpusRun run = CorpusRun.run(CorpusTree.load(dir), List.of(throwing), AnalysisOptions.defaults(), "");
        assertEquals(List.of("analyzer 'broken' threw java.lang.IllegalStateException: boom"), run.globalProblems());
    }

    @Test
    void reportTableHasTotals() {
        String table = CorpusReport.table("corpus",
                new java.util.TreeMap<>(java.util.Map.of("java/xss", new RuleTally(2, 1, 1, 1, 4, 3))), 4, 2, 3);
        assertTrue(table.startsWith("corpus: 4 files, 2 expect markers, 3 safe markers"), table);
        assertTrue(table.contains("java/xss"));
        assertTrue(table.lines().anyMatch(l -> l.startsWith("TOTAL") && l.contains("50.0%")), table);
    }
}
