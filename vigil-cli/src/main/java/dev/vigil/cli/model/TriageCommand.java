package dev.vigil.cli.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.UsageException;
import dev.vigil.cli.VersionProvider;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.report.JsonReportWriter;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.sarif.SarifReader;
import dev.vigil.core.sarif.SarifWriter;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import dev.vigil.llm.config.ModelConfig;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.triage.Triage;
import dev.vigil.llm.triage.TriageOptions;
import dev.vigil.llm.triage.TriageReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil triage FINDINGS.sarif}: asks the configured model for a verdict on each finding. */
@Command(
        name = "triage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Asks a model for a verdict (true-positive, false-positive, uncertain) on each finding of a"
                + " SARIF log and writes the log back with the verdict, confidence, reasoning and exploit preconditions"
                + " attached as result properties. No finding is removed; false positives are suppressed only with"
                + " --hide-false-positives.",
        footer = {
            "",
            "Examples:",
            "  vigil triage vigil.sarif --output triaged.sarif",
            "  vigil triage vigil.sarif --dry-run                     count requests, tokens and cost",
            "  vigil triage vigil.sarif --max-cost 0.50 --samples 3 --hide-false-positives -o out.sarif",
            "",
            "Models come from vigil.yaml (section 'models') in the project root, --config FILE, or the",
            "VIGIL_MODEL_BASE_URL / VIGIL_MODEL / VIGIL_MODEL_API_KEY environment variables. See docs/models.md.",
            "",
            "Exit codes: 0 done (also when a budget stopped the run early), 2 usage or configuration error,",
            "or every model profile failed (partial output is still written), 3 internal error.",
        })
public final class TriageCommand implements Callable<Integer> {

    enum Format { sarif, json }

    @Parameters(index = "0", paramLabel = "FINDINGS.sarif", description = "SARIF log to triage (from vigil scan or another tool).")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the triaged log here (atomically); default: stdout.")
    Path output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "sarif",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Directory the finding locations are relative to (default: the log's %%SRCROOT%%, else the current directory).")
    Path root;

    @Option(names = "--hide-false-positives", description = "Suppress findings judged false positives (external suppression with the model's justification).")
    boolean hideFalsePositives;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
            description = "Ask N times and take the majority verdict; the agreement is recorded (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--context-tokens", paramLabel = "N", defaultValue = "" + TriageOptions.DEFAULT_CONTEXT_TOKENS,
            description = "Token budget of the code shown to the model per finding (default: ${DEFAULT-VALUE}).")
    int contextTokens;

    @Mixin
    ModelOptions model;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        SarifReader.SarifLog log;
        try {
            log = SarifReader.read(input);
        } catch (InputFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Path projectRoot = (root != null ? root : sourceRoot(input).orElse(Path.of(""))).toAbsolutePath().normalize();
        if (!Files.isDirectory(projectRoot)) {
            throw new UsageException(projectRoot + ": project root is not a directory (use --root DIR)");
        }
        TriageOptions options;
        try {
            options = new TriageOptions(projectRoot, samples, hideFalsePositives, contextTokens, TriageOptions.DEFAULT_OUTPUT_TOKENS);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, String> env = System.getenv();
        ModelConfig config = model.loadConfig(projectRoot, env);
        ModelSession session = model.openSession(config, projectRoot, env, err);

        Instant started = Instant.now();
        TriageReport report = Triage.run(log.findings(), options, session);
        long millis = java.time.Duration.between(started, Instant.now()).toMillis();

        for (Notification n : report.notifications()) {
            err.println("vigil: warning: " + n.text());
        }
        report.summary().forEach(err::println);
        err.flush();
        if (report.dryRun()) {
            return ExitCodes.OK;
        }

        List<Notification> notifications = new ArrayList<>(log.notifications());
        notifications.addAll(report.notifications());
        if (report.budgetStop() != null) {
            notifications.add(new Notification(Notification.Level.WARNING, null, 0, "triage budget reached ("
                    + report.budgetStop() + "): " + report.notProcessed() + " findings were not processed"));
        }
        if (report.failure() != null) {
            notifications.add(new Notification(Notification.Level.ERROR, null, 0, report.failure()));
        }
        ScanResult result = new ScanResult(report.findings(), notifications, List.of(projectRoot.toString()), 0, 0,
                started, millis, report.failure() == null, report.runProperties());
        String text = switch (format) {
            case sarif -> new SarifWriter(VersionProvider.version(), catalog(log.rules())).toJson(result, projectRoot);
            case json -> new JsonReportWriter(VersionProvider.version()).toJson(result, projectRoot);
        };
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            dev.vigil.core.io.AtomicFiles.writeString(output, text);
        }
        if (report.failure() != null) {
            err.println("vigil: " + report.failure());
            err.flush();
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    /** The rules the input log declared, each id once (a log may hold several runs). */
    private static RuleCatalog catalog(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.putIfAbsent(r.id(), r));
        return new RuleCatalog(byId.values());
    }

    /** The first run's %SRCROOT% when it is a local directory. */
    static Optional<Path> sourceRoot(Path sarif) {
        try {
            JsonNode root = new ObjectMapper().readTree(sarif.toFile());
            String uri = root.path("runs").path(0).path("originalUriBaseIds").path(SarifWriter.SRCROOT).path("uri").asText("");
            if (uri.startsWith("file:")) {
                Path p = Path.of(URI.create(uri));
                return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            // the reader already reported unreadable input; no base means the current directory
        }
        return Optional.empty();
    }
}
