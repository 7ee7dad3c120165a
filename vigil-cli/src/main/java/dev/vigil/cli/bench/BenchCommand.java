package dev.vigil.cli.bench;

import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.UsageException;
import dev.vigil.core.bench.BenchInputException;
import dev.vigil.core.bench.BenchReport;
import dev.vigil.core.bench.CweEquivalence;
import dev.vigil.core.bench.ExpectedResults;
import dev.vigil.core.bench.ExpectedResultsCsv;
import dev.vigil.core.bench.ProjectScanner;
import dev.vigil.core.bench.ReportFormat;
import dev.vigil.core.bench.RuleCweMap;
import dev.vigil.core.bench.SarifResults;
import dev.vigil.core.bench.ScorecardReports;
import dev.vigil.core.bench.Scorecard;
import dev.vigil.core.bench.Scorer;
import dev.vigil.core.bench.ToolResults;
import dev.vigil.core.bench.TruthEntry;
import dev.vigil.core.bench.TruthFile;
import dev.vigil.core.bench.TruthReport;
import dev.vigil.core.bench.TruthReports;
import dev.vigil.core.bench.TruthScorer;
import dev.vigil.core.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil bench}: accuracy scorecards against an expected-results CSV (for Vigil and for any
 * tool that writes SARIF, side by side) and detection scorecards against a truth file of real
 * vulnerabilities. The scoring itself lives in {@code dev.vigil.core.bench}; this class reads
 * options, reports input problems on stderr and writes the report.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = TriageBenchCommand.class,
        description = {
            "Measures accuracy: of scanners and, with 'bench triage', of models.",
            "Scores against an expected-results CSV (per category: TPR, FPR,",
            "score = TPR - FPR, precision, F1), or against a truth file of real",
            "vulnerabilities (detection rate, alarms per 1000 lines, time).",
        },
        footer = {
            "",
            "Examples:",
            "  vigil bench --expected expected.csv --sarif vigil.sarif --sarif other.sarif",
            "  vigil bench --expected expected.csv src --format html -o scorecard.html",
            "  vigil bench --expected expected.csv --sarif t.sarif --cwe-equivalence 327=328",
            "  vigil bench --truth truth.json --format markdown",
            "  vigil bench triage --labels labels.json --profiles local,hosted   (model leaderboard)",
            "",
            "Formats, metrics and matching rules: docs/bench.md.",
            "Exit codes: 0 report written; 2 bad input (the report still covers the",
            "inputs that could be read); 3 internal error.",
        })
public final class BenchCommand implements Callable<Integer> {

    private static final int MAX_SCAN_WARNINGS = 10;

    @Option(names = "--expected", paramLabel = "CSV",
            description = "Expected-results CSV: '# test name, category, real vulnerability, cwe' rows.")
    Path expected;

    @Option(names = "--truth", paramLabel = "JSON", description = "Truth file of real vulnerabilities (see docs/bench.md).")
    Path truth;

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "Scan PATH with Vigil in-process and score the result.")
    Path path;

    @Option(names = "--sarif", paramLabel = "FILE", description = "A SARIF file to score; repeat to compare tools side by side.")
    List<Path> sarif = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown, json or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--cwe-equivalence", paramLabel = "A=B", split = ",",
            description = "CWEs that count as the same, e.g. 327=328; repeatable. Default: none.")
    List<String> equivalences = new ArrayList<>();

    @Option(names = "--rule-cwe", paramLabel = "RULE=CWE", split = ",",
            description = "Give results of rule RULE the CWE, for tools whose SARIF names none; repeatable.")
    List<String> ruleCwes = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print no warnings or progress on standard error; errors still are.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Vigil's own scan pipeline, for PATH and for truth entries without a SARIF file; set up in {@link #call}. */
    private ProjectScanner scanner;

    @Override
    public Integer call() {
        ReportFormat reportFormat = parseFormat();
        CweEquivalence equivalence = parseEquivalences();
        RuleCweMap ruleCweMap = parseRuleCwes();
        scanner = VigilProjectScanner.create(!quiet && System.console() != null ? err() : null);
        if ((expected == null) == (truth == null)) {
            throw new UsageException("give exactly one of --expected CSV or --truth JSON");
        }
        Outcome outcome = expected != null ? scorecard(reportFormat, equivalence, ruleCweMap)
                : truthScorecard(reportFormat, equivalence, ruleCweMap);
        write(outcome.report());
        return outcome.inputProblems() ? ExitCodes.USAGE : ExitCodes.OK;
    }

    private record Outcome(String report, boolean inputProblems) {
    }

    private Outcome scorecard(ReportFormat reportFormat, CweEquivalence equivalence, RuleCweMap ruleCweMap) {
        if (path == null && sarif.isEmpty()) {
            throw new UsageException("--expected needs results to score: a PATH to scan or one or more --sarif files");
        }
        ExpectedResults expectedResults = readOrFail(() -> ExpectedResultsCsv.read(expected));
        List<ToolResults> tools = new ArrayList<>();
        boolean problems = false;
        if (path != null) {
            tools.add(scanPath(path));
        }
        for (Path file : sarif) {
            try {
                ToolResults r = SarifResults.read(file);
                r.warnings().stream()
                        // the hint about unnamed CWEs is moot when the user already maps rules
                        .filter(w -> ruleCweMap.isEmpty() || !w.contains("--rule-cwe"))
                        .forEach(this::warn);
                tools.add(r);
            } catch (BenchInputException e) {
                // one unreadable SARIF file should not hide the scores of the others
                e.problems().forEach(p -> err().println("vigil: " + p));
                problems = true;
            }
        }
        if (tools.isEmpty()) {
            throw new UsageException("no results could be read; nothing to score");
        }
        tools = distinctNames(tools);
        Scorer scorer = new Scorer(equivalence);
        List<Scorecard> cards = tools.stream().map(t -> scorer.score(expectedResults, ruleCweMap.apply(t))).toList();
        BenchReport report = new BenchReport(expected.toString(), expectedResults.testCases().size(), cards, equivalence.describe());
        return new Outcome(ScorecardReports.render(report, reportFormat), problems);
    }

    private Outcome truthScorecard(ReportFormat reportFormat, CweEquivalence equivalence, RuleCweMap ruleCweMap) {
        if (path != null || !sarif.isEmpty()) {
            throw new UsageException("--truth takes its projects and SARIF files from the truth file; drop PATH and --sarif");
        }
        List<TruthEntry> entries = readOrFail(() -> TruthFile.read(truth));
        TruthReport report = new TruthScorer(equivalence, ruleCweMap, scanner).score(truth.toString(), entries);
        report.outcomes().stream().filter(o -> o.error() != null)
                .forEach(o -> err().println("vigil: " + truth + ": entry " + o.entry().id() + ": " + o.error()));
        return new Outcome(TruthReports.render(report, reportFormat), report.errors() > 0);
    }

    private ToolResults scanPath(Path dir) {
        if (!Files.exists(dir)) {
            throw new UsageException(dir + ": no such file or directory");
        }
        ToolResults results;
        try {
            results = scanner.scan(dir);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("scan of " + dir + " failed: " + e.getMessage(), e);
        }
        // files that could not be read or parsed: a few are worth naming, thousands are noise
        List<String> warnings = results.warnings();
        warnings.stream().limit(MAX_SCAN_WARNINGS).forEach(this::warn);
        if (warnings.size() > MAX_SCAN_WARNINGS) {
            warn("... and " + (warnings.size() - MAX_SCAN_WARNINGS)
                    + " more scan notifications; run 'vigil scan " + dir + "' to see them all");
        }
        return results;
    }

    /** Two inputs from the same tool (before/after runs) must stay apart in the side-by-side table. */
    static List<ToolResults> distinctNames(List<ToolResults> tools) {
        List<ToolResults> out = new ArrayList<>();
        for (ToolResults t : tools) {
            long same = tools.stream().filter(o -> o.tool().equals(t.tool())).count();
            out.add(same > 1 ? t.withTool(t.tool() + " (" + t.source() + ")") : t);
        }
        return out;
    }

    private RuleCweMap parseRuleCwes() {
        try {
            return RuleCweMap.parse(ruleCwes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rule-cwe: " + e.getMessage());
        }
    }

    private ReportFormat parseFormat() {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
    }

    private CweEquivalence parseEquivalences() {
        try {
            return CweEquivalence.parse(equivalences.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cwe-equivalence: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read() throws BenchInputException;
    }

    private <T> T readOrFail(Reader<T> reader) {
        try {
            return reader.read();
        } catch (BenchInputException e) {
            List<String> problems = e.problems();
            // all but the last go to stderr here; the last becomes the command's error message
            problems.subList(0, problems.size() - 1).forEach(p -> err().println("vigil: " + p));
            throw new UsageException(problems.get(problems.size() - 1));
        }
    }

    private void write(String report) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
            return;
        }
        if (Files.isDirectory(output)) {
            throw new UsageException("--output " + output + " is a directory; give a file name");
        }
        try {
            AtomicFiles.writeString(output, report);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage(), e);
        }
        if (!quiet) {
            err().println("vigil: wrote " + output);
        }
    }

    private void warn(String warning) {
        if (!quiet) {
            err().println("vigil: warning: " + warning);
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
