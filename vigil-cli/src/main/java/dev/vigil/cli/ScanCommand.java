package dev.vigil.cli;

import dev.vigil.cli.report.OutputFormat;
import dev.vigil.cli.report.TextReporter;
import dev.vigil.cli.scan.ScanOutcome;
import dev.vigil.cli.scan.ScanPipeline;
import dev.vigil.cli.scan.ScanRequest;
import dev.vigil.cli.scan.TerminalProgress;
import dev.vigil.core.baseline.Baseline;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.io.AtomicFiles;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.report.JsonReportWriter;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.sarif.SarifWriter;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.scan.ScanResult;
import dev.vigil.core.source.MissingPathException;
import dev.vigil.core.source.SourceCollector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil scan}: finds vulnerabilities under the given paths and reports them. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Scans Java sources for security vulnerabilities.",
        footer = {
            "",
            "Examples:",
            "  vigil scan                            scan the current directory",
            "  vigil scan examples --fail-on high    fail only on high or critical",
            "  vigil scan . -f sarif -o vigil.sarif  SARIF for GitHub code scanning",
            "  vigil scan . --baseline vigil.sarif   only findings new since then",
            "  vigil scan src --exclude '**/generated/**' --jobs 4",
            "",
            "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or configuration error"
                    + " (e.g. a missing path), 3 internal error.",
        })
public final class ScanCommand implements Callable<Integer> {

    static final Set<String> THREAT_MODELS = Set.of("remote", "local", "library");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or directories to scan (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text, json, sarif or html (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
            description = "Exit 1 when a finding has this severity or worse: critical, high, medium, low, note"
                    + " (default: ${DEFAULT-VALUE}).")
    Severity failOn;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Worker threads (default: the number of processors).")
    Integer jobs;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Scan only files matching GLOB (gitignore syntax; repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files and directories matching GLOB (gitignore syntax; repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous SARIF or JSON report: report only findings not in it.")
    Path baseline;

    @Option(names = "--threat-model", paramLabel = "MODEL",
            description = "Untrusted-input sources to consider: remote (default), local, library (repeatable).")
    List<String> threatModels = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on standard error.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "List every notification and the time each phase took.")
    boolean verbose;

    private final Supplier<List<Analyzer>> analyzers;

    public ScanCommand() {
        this(ScanPipeline::discoverAnalyzers);
    }

    /** For tests and embedders that choose the analyzers instead of discovering them. */
    ScanCommand(Supplier<List<Analyzer>> analyzers) {
        this.analyzers = analyzers;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScanRequest request = request();

        ScanOutcome outcome;
        boolean showProgress = !quiet && System.console() != null;
        try (TerminalProgress progress = showProgress ? new TerminalProgress(err) : null) {
            outcome = new ScanPipeline(analyzers.get()).run(request, progress == null ? Progress.NONE : progress);
        } catch (MissingPathException e) {
            throw new UsageException(e.getMessage());
        }
        ScanResult result = outcome.result();

        if (!quiet) {
            for (Notification n : result.notifications()) {
                if (verbose || n.level() != Notification.Level.NOTE) {
                    err.println("vigil: " + n.level().sarifLevel() + ": " + n.text());
                }
            }
            if (verbose) {
                printTimings(err, result);
            }
        }
        report(outcome, out);
        if (output != null && !quiet) {
            err.println("vigil: wrote " + format.name().toLowerCase(Locale.ROOT) + " report to " + output);
        }
        err.flush();

        if (!result.successful()) {
            return ExitCodes.INTERNAL;
        }
        boolean failing = result.unsuppressed().stream().anyMatch(f -> f.severity().atLeast(failOn));
        return failing ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private ScanRequest request() {
        if (output != null && Files.isDirectory(output)) {
            throw new UsageException("--output " + output + " is a directory; give a file name");
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        int threads = jobs == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : jobs;
        if (threads < 1) {
            throw new UsageException("--jobs must be at least 1, got " + threads);
        }
        Set<String> models = new LinkedHashSet<>();
        for (String m : threatModels) {
            String model = m.strip().toLowerCase(Locale.ROOT);
            if (!THREAT_MODELS.contains(model)) {
                throw new UsageException("unknown --threat-model '" + m + "' (expected remote, local or library)");
            }
            models.add(model);
        }
        if (models.isEmpty()) {
            models.add("remote");
        }
        SourceCollector.Options sourceOptions;
        try {
            sourceOptions = new SourceCollector.Options(includes, excludes,
                    SourceCollector.Options.DEFAULT_MAX_FILE_BYTES, threads);
            new SourceCollector(sourceOptions); // compiles the globs now, so a bad one is a usage error
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --include/--exclude glob: " + e.getMessage(), e);
        }
        Baseline known = null;
        if (baseline != null) {
            try {
                known = Baseline.load(baseline);
            } catch (InputFileException e) {
                throw new UsageException("cannot use baseline " + e.getMessage(), e);
            }
        }
        return new ScanRequest(roots, sourceOptions, new AnalysisOptions(models, List.of(), threads), known);
    }

    private void report(ScanOutcome outcome, PrintWriter out) throws IOException {
        String version = VersionProvider.version();
        String text = switch (format) {
            case TEXT -> new TextReporter(output == null && Terminal.colorsOnStdout()).render(outcome);
            case JSON -> new JsonReportWriter(version).toJson(outcome.result(), outcome.baseDirectory());
            case SARIF -> new SarifWriter(version, RuleCatalog.load())
                    .toJson(outcome.result(), outcome.baseDirectory());
            case HTML -> new dev.vigil.cli.html.HtmlReport()
                    .toHtml(outcome.result(), RuleCatalog.load(), outcome.baseDirectory());
        };
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            try {
                AtomicFiles.writeString(output, text);
            } catch (IOException e) {
                throw new UsageException("cannot write " + output + ": " + e.getMessage(), e);
            }
        }
    }

    private static void printTimings(PrintWriter err, ScanResult result) {
        err.printf("vigil: %d files, %d lines, %d ms%n", result.filesScanned(), result.linesScanned(),
                result.durationMillis());
        if (result.properties().get("timingsMillis") instanceof Map<?, ?> timings) {
            timings.forEach((phase, ms) -> err.printf("vigil:   %-28s %6s ms%n", phase, ms));
        }
    }
}
