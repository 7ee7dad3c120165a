package dev.vigil.cli.model;

import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.UsageException;
import dev.vigil.cli.VersionProvider;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.io.AtomicFiles;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.report.JsonReportWriter;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.sarif.SarifReader;
import dev.vigil.core.sarif.SarifWriter;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import dev.vigil.llm.audit.AuditAgent;
import dev.vigil.llm.audit.AuditOptions;
import dev.vigil.llm.audit.AuditReport;
import dev.vigil.llm.audit.AuditRule;
import dev.vigil.llm.code.CodeIndex;
import dev.vigil.llm.config.ModelConfig;
import dev.vigil.llm.session.ModelSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil audit [PATH]}: a tool-using model agent examines each HTTP entry point. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lets a model examine each HTTP entry point (Spring, JAX-RS, servlets) with read-only tools"
                + " over the code, looking for flaws rules cannot express: missing authorization, IDOR, authentication"
                + " bypass, business-logic and race conditions. Findings have rule ids under ai/ and are labelled"
                + " model-found.",
        footer = {
            "",
            "Examples:",
            "  vigil audit src --output audit.sarif",
            "  vigil audit --findings vigil.sarif --max-steps 8 --max-cost 1.00",
            "  vigil audit --dry-run",
            "",
            "Exit codes: 0 no model-found findings, 1 model-found findings, 2 usage or configuration error,",
            "or every model profile failed (partial output is still written), 3 internal error.",
        })
public final class AuditCommand implements Callable<Integer> {

    enum Format { sarif, json }

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Directory to audit (default: the current directory).")
    Path path;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the findings here (atomically); default: stdout.")
    Path output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "sarif",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--findings", paramLabel = "FILE.sarif", description = "Static findings of an earlier scan, shown to the agent by its taint_paths tool.")
    Path findings;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "" + AuditOptions.DEFAULT_STEPS,
            description = "Model turns per entry point (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--max-tokens-per-entry-point", paramLabel = "N", defaultValue = "" + AuditOptions.DEFAULT_TOKENS_PER_ENTRY_POINT,
            description = "Tokens per entry point before the agent moves on (default: ${DEFAULT-VALUE}).")
    long maxTokensPerEntryPoint;

    @Mixin
    ModelOptions model;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path root = (path == null ? Path.of("") : path).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new UsageException(root + ": not a directory");
        }
        List<Finding> staticFindings = List.of();
        if (findings != null) {
            try {
                staticFindings = SarifReader.read(findings).findings();
            } catch (InputFileException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        AuditOptions options;
        try {
            options = new AuditOptions(maxSteps, maxTokensPerEntryPoint, 2048, staticFindings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, String> env = System.getenv();
        ModelConfig config = model.loadConfig(root, env);
        ModelSession session = model.openSession(config, root, env, err);
        Instant started = Instant.now();
        CodeIndex index = CodeIndex.build(root);
        err.println("audit: " + index.files().size() + " Java files, " + index.entryPoints().size() + " entry points");
        AuditReport report = AuditAgent.run(index, options, session);
        long millis = java.time.Duration.between(started, Instant.now()).toMillis();

        for (Notification n : report.notifications()) {
            err.println("vigil: warning: " + n.text());
        }
        report.summary().forEach(err::println);
        err.flush();
        if (report.dryRun()) {
            return ExitCodes.OK;
        }
        List<Notification> notifications = new ArrayList<>(report.notifications());
        if (report.failure() != null) {
            notifications.add(new Notification(Notification.Level.ERROR, null, 0, report.failure()));
        }
        ScanResult result = new ScanResult(report.findings(), notifications, List.of(root.toString()),
                index.files().size(), 0, started, millis, report.failure() == null, report.runProperties());
        String text = switch (format) {
            case sarif -> new SarifWriter(VersionProvider.version(), catalog()).toJson(result, root);
            case json -> new JsonReportWriter(VersionProvider.version()).toJson(result, root);
        };
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            AtomicFiles.writeString(output, text);
        }
        if (report.failure() != null) {
            err.println("vigil: " + report.failure());
            err.flush();
            return ExitCodes.USAGE;
        }
        return report.findings().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The ai/ rules, so SARIF consumers see their CWE and a description labelling them model-found. */
    private static RuleCatalog catalog() {
        List<Rule> rules = new ArrayList<>();
        for (AuditRule r : AuditRule.values()) {
            rules.add(new Rule(r.id(), r.id(), r.cwe(), r.severity(), r.summary(), null, null, List.of("model-found")));
        }
        return new RuleCatalog(rules);
    }
}
