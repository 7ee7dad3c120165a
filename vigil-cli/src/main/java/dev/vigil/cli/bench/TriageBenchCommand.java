package dev.vigil.cli.bench;

import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.UsageException;
import dev.vigil.cli.bench.LabelSet.Label;
import dev.vigil.cli.bench.TriageLeaderboard.Board;
import dev.vigil.cli.bench.TriageLeaderboard.Match;
import dev.vigil.cli.bench.TriageLeaderboard.Matching;
import dev.vigil.cli.bench.TriageLeaderboard.Row;
import dev.vigil.cli.scan.ScanOutcome;
import dev.vigil.cli.scan.ScanPipeline;
import dev.vigil.cli.scan.ScanRequest;
import dev.vigil.core.bench.BenchInputException;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.io.AtomicFiles;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.sarif.SarifReader;
import dev.vigil.core.scan.Progress;
import dev.vigil.llm.budget.Budget;
import dev.vigil.llm.config.ConfigException;
import dev.vigil.llm.config.ModelConfig;
import dev.vigil.llm.config.ModelConfigLoader;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.session.SessionOptions;
import dev.vigil.llm.triage.Triage;
import dev.vigil.llm.triage.TriageOptions;
import dev.vigil.llm.triage.TriageReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench triage}: the model leaderboard. Runs triage with each named profile alone on a
 * labelled set of findings and compares the verdicts with the labels, next to tokens, cost and time.
 */
@Command(
        name = "triage",
        mixinStandardHelpOptions = true,
        description = {
            "Model leaderboard: triages a labelled set of findings with each model",
            "profile alone (no failover between them) and reports accuracy, false",
            "positives removed, true positives lost, uncertain verdicts, agreement",
            "across samples, tokens, time and cost per profile.",
        },
        footer = {
            "",
            "Examples:",
            "  vigil bench triage --labels bench/labels/labels.json --profiles local,hosted",
            "  vigil bench triage --labels labels.json --profiles a,b --samples 3 \\",
            "      --format markdown -o board.md",
            "",
            "LABELS.json format and metric definitions: docs/bench.md. Answers are",
            "never read from or written to the answer cache: every run asks the models.",
            "Exit codes: 0 report written; 2 bad input (labels, configuration, unknown",
            "profile) or a profile failed on every request (the report still covers",
            "the others); 3 internal error.",
        })
public final class TriageBenchCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, paramLabel = "LABELS.json", description = "Labelled findings (see docs/bench.md).")
    Path labelsFile;

    @Option(names = "--profiles", required = true, split = ",", paramLabel = "NAME",
            description = "Model profiles to compare, comma-separated; each runs alone.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Model configuration file (default: vigil.yaml in the current directory, else the VIGIL_MODEL_* environment variables).")
    Path config;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
            description = "Ask each model N times per finding and take the majority verdict (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--max-cost", paramLabel = "USD",
            description = "Stop sending a profile's requests once it has spent this much (profile prices); its unanswered findings count as errors.")
    double maxCost;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Print no warnings or progress on standard error; errors still are.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LeaderboardReports.Format reportFormat;
        try {
            reportFormat = LeaderboardReports.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        List<String> names = List.copyOf(new LinkedHashSet<>(profiles.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
        if (names.isEmpty()) {
            throw new UsageException("--profiles: name at least one model profile");
        }
        if (maxCost < 0 || Double.isNaN(maxCost)) {
            throw new UsageException("--max-cost must be >= 0");
        }
        TriageOptions options;
        LabelSet labels = readLabels();
        try {
            options = new TriageOptions(labels.project(), samples, false, TriageOptions.DEFAULT_CONTEXT_TOKENS,
                    TriageOptions.DEFAULT_OUTPUT_TOKENS);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, String> env = System.getenv();
        ModelConfig modelConfig = loadConfig(env);
        List<ModelProfile> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(modelConfig.profile(name).orElseThrow(() -> new UsageException("--profiles: no model profile named '"
                    + name + "' in " + modelConfig.source() + " (known: " + String.join(", ", modelConfig.profiles().keySet()) + ")")));
        }
        if (!Files.isDirectory(labels.project())) {
            throw new UsageException(labels.file() + ": project " + labels.project() + " is not a directory");
        }

        Matching matching = TriageLeaderboard.match(labels.labels(), findings(labels));
        for (Label l : matching.unmatched()) {
            warn(labels.file() + ":" + l.sourceLine() + ": finding " + l.id() + " (" + l.ruleId() + " at " + l.file() + ":"
                    + l.line() + ") is not among the findings; left out of the scores");
        }
        if (matching.matches().isEmpty()) {
            throw new UsageException(labels.file() + ": none of the labelled findings was found; nothing to triage");
        }
        // Suppressed findings are skipped by triage; in a benchmark every labelled finding must be judged.
        List<Finding> toTriage = matching.matches().stream().map(m -> m.finding().withSuppression(null)).toList();
        List<Match> matches = matching.matches();

        List<Row> rows = new ArrayList<>();
        boolean failed = false;
        for (ModelProfile profile : chosen) {
            progress("triaging " + toTriage.size() + " findings with profile '" + profile.name() + "' (" + profile.model() + ")");
            ModelSession session = new ModelSession(modelConfig, new SessionOptions(env, null, new Budget(0, maxCost), false,
                    profile.name(), null, line -> progress(line)));
            long started = System.nanoTime();
            TriageReport report = Triage.run(toTriage, options, session);
            long millis = (System.nanoTime() - started) / 1_000_000;
            Row row = TriageLeaderboard.score(profile.name(), profile.model(), matches, report, millis);
            if (row.failure() != null) {
                err().println("vigil: profile '" + profile.name() + "' failed: " + row.failure());
                failed = true;
            } else if (report.budgetStop() != null) {
                warn("profile '" + profile.name() + "' reached the budget (" + report.budgetStop() + "): "
                        + report.notProcessed() + " findings were not triaged and count as errors");
            }
            rows.add(row);
        }
        Board board = new Board(labels.file().toString(), labels.labels().size(), matches.size(), samples,
                matching.unmatched().stream().map(Label::id).toList(), rows);
        write(LeaderboardReports.render(board, reportFormat));
        return failed ? ExitCodes.USAGE : ExitCodes.OK;
    }

    private LabelSet readLabels() {
        try {
            return LabelSet.read(labelsFile);
        } catch (BenchInputException e) {
            List<String> problems = e.problems();
            problems.subList(0, problems.size() - 1).forEach(p -> err().println("vigil: " + p));
            throw new UsageException(problems.get(problems.size() - 1));
        }
    }

    private ModelConfig loadConfig(Map<String, String> env) {
        ModelConfig modelConfig;
        try {
            modelConfig = ModelConfigLoader.load(Path.of("").toAbsolutePath(), config, env);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (modelConfig.isEmpty()) {
            throw new UsageException("no model configured: add a 'models' section to vigil.yaml, pass --config FILE,"
                    + " or set VIGIL_MODEL_BASE_URL and VIGIL_MODEL (see docs/models.md)");
        }
        return modelConfig;
    }

    /**
     * The findings the labels refer to: the labels file's SARIF log when it names one, else a Vigil scan of
     * the project with default options. Paths are relative to the project either way.
     */
    private List<Finding> findings(LabelSet labels) {
        if (labels.sarif() != null) {
            try {
                return SarifReader.read(labels.sarif()).findings();
            } catch (InputFileException e) {
                throw new UsageException(labels.file() + ": sarif: " + e.getMessage(), e);
            }
        }
        progress("scanning " + labels.project());
        ScanOutcome outcome = new ScanPipeline().run(ScanRequest.of(List.of(labels.project())), Progress.NONE);
        if (!outcome.result().successful()) {
            throw new IllegalStateException("the scan of " + labels.project() + " was incomplete; see 'vigil scan "
                    + labels.project() + "'");
        }
        Path base = outcome.baseDirectory().toAbsolutePath().normalize();
        if (base.equals(labels.project())) {
            return outcome.result().findings();
        }
        // The scan reports paths relative to its base directory; labels are relative to the project.
        return outcome.result().findings().stream()
                .map(f -> new Finding(f.ruleId(), f.cwe(), f.severity(), f.message(), relocate(f, base, labels.project()),
                        f.enclosingMethod(), f.flow(), f.fingerprint(), f.properties(), f.suppression()))
                .toList();
    }

    private static Location relocate(Finding f, Path base, Path project) {
        Location l = f.location();
        String file = project.relativize(base.resolve(l.file())).toString().replace('\\', '/');
        return new Location(file, l.startLine(), l.startColumn(), l.endLine(), l.endColumn(), l.snippet());
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
        progress("wrote " + output);
    }

    private void progress(String line) {
        if (!quiet) {
            PrintWriter err = err();
            synchronized (err) {
                err.println("vigil: " + line);
                err.flush();
            }
        }
    }

    private void warn(String warning) {
        progress("warning: " + warning);
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
