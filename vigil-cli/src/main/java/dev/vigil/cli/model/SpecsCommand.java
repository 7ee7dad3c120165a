package dev.vigil.cli.model;

import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.UsageException;
import dev.vigil.cli.VersionProvider;
import dev.vigil.cli.scan.ScanPipeline;
import dev.vigil.cli.scan.ScanRequest;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.models.ModelLoader;
import dev.vigil.core.models.ModelSet;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceCollector;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.frontend.JavaFrontEnd;
import dev.vigil.java.frontend.JavaProgram;
import dev.vigil.java.taint.JavaModels;
import dev.vigil.llm.config.ModelConfig;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.specs.ApiCandidate;
import dev.vigil.llm.specs.InferredModelsFile;
import dev.vigil.llm.specs.InferredSpec;
import dev.vigil.llm.specs.SpecInference;
import dev.vigil.llm.specs.SpecReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil specs}: taint specifications (models-as-data) work. */
@Command(
        name = "specs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Works with taint specifications (models-as-data rows).",
        subcommands = {SpecsCommand.Infer.class})
public final class SpecsCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code vigil specs infer [PATH]}. */
    @Command(
            name = "infer",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Finds calls into library APIs that no model covers, asks the model to label them as"
                    + " sources, sinks, sanitizers or propagators, and writes the labels as rows with their provenance"
                    + " to .vigil/models/inferred.yml for review. The next scan uses them; this command reports how"
                    + " many new findings they produce.",
            footer = {
                "",
                "Examples:",
                "  vigil specs infer                       the current directory",
                "  vigil specs infer src --max-candidates 20 --dry-run",
                "",
                "Exit codes: 0 done, 2 usage or configuration error or every model profile failed, 3 internal error.",
            })
    public static final class Infer implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Project directory (default: the current directory).")
        Path path;

        @Option(names = "--max-candidates", paramLabel = "N", defaultValue = "60",
                description = "Label at most N APIs, the most called first (default: ${DEFAULT-VALUE}).")
        int maxCandidates;

        @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0.6",
                description = "Write only labels with at least this confidence (default: ${DEFAULT-VALUE}).")
        double minConfidence;

        @Option(names = "--models-file", paramLabel = "FILE",
                description = "Where to write the rows (default: PATH/.vigil/models/inferred.yml).")
        Path modelsFile;

        @Mixin
        ModelOptions model;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path root = (path == null ? Path.of("") : path).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw new UsageException(root + ": not a directory");
            }
            if (maxCandidates < 1 || minConfidence < 0 || minConfidence > 1) {
                throw new UsageException("--max-candidates must be >= 1 and --min-confidence between 0 and 1");
            }
            Map<String, String> env = System.getenv();
            ModelConfig config = model.loadConfig(root, env);
            ModelSession session = model.openSession(config, root, env, err);
            Path target = modelsFile != null ? modelsFile.toAbsolutePath() : root.resolve(".vigil/models/inferred.yml");

            SourceSet sources = new SourceCollector(SourceCollector.Options.defaults()).collect(List.of(root));
            ModelSet models;
            try {
                models = JavaModels.load(sources.base(), List.of());
            } catch (ModelLoader.ModelException e) {
                throw new UsageException(e.getMessage(), e);
            }
            JavaProgram program = new JavaFrontEnd(List.of(), Math.max(1, Runtime.getRuntime().availableProcessors()))
                    .parse(sources.javaFiles(), Progress.NONE);
            List<ApiCandidate> candidates = ExternalApiCalls.uncovered(program, models, maxCandidates);
            err.println("specs: " + sources.javaFiles().size() + " Java files, " + candidates.size()
                    + " uncovered library APIs to label");
            if (candidates.isEmpty()) {
                return ExitCodes.OK;
            }
            Set<String> before = session.dryRun() ? Set.of() : fingerprints(root);
            SpecReport report = SpecInference.run(candidates,
                    new SpecInference.Options(8, minConfidence, 2048), session);
            report.problems().forEach(p -> err.println("vigil: warning: " + p));
            if (report.dryRun()) {
                long requests = report.usage().totalRequests();
                err.println("dry run: would send " + requests + " requests; nothing was sent");
                report.usage().summary().forEach(err::println);
                return ExitCodes.OK;
            }
            if (!report.specs().isEmpty()) {
                InferredModelsFile.write(target, report.specs(), LocalDate.now(), text -> ModelLoader.parse(target.toString(), text));
            }
            Map<InferredSpec.Role, Long> byRole = report.specs().stream()
                    .collect(Collectors.groupingBy(InferredSpec::role, Collectors.counting()));
            err.println("specs: " + report.specs().size() + " rows written to " + root.relativize(target.toAbsolutePath().normalize())
                    + " " + byRole.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label() + "s").toList()
                    + "; " + report.labelledNone() + " labelled none, " + report.modelErrors() + " model errors, "
                    + report.notProcessed() + " not processed");
            if (report.budgetStop() != null) {
                err.println("budget reached (" + report.budgetStop() + "): stopped sending; " + report.notProcessed()
                        + " APIs were not processed");
            }
            if (!report.specs().isEmpty()) {
                List<Finding> added = newFindings(root, before);
                err.println("specs: the inferred rows produce " + added.size() + " new finding(s)");
                for (Finding f : added) {
                    err.println("  " + f.ruleId() + " " + f.location().shortText() + ": " + f.message());
                }
            }
            report.usage().summary().forEach(err::println);
            if (report.failure() != null) {
                err.println("vigil: " + report.failure());
                return ExitCodes.USAGE;
            }
            return ExitCodes.OK;
        }

        private static Set<String> fingerprints(Path root) {
            return new ScanPipeline().run(ScanRequest.of(List.of(root)), Progress.NONE).result().findings().stream()
                    .map(Finding::fingerprint).collect(Collectors.toSet());
        }

        private static List<Finding> newFindings(Path root, Set<String> before) {
            return new ScanPipeline().run(ScanRequest.of(List.of(root)), Progress.NONE).result().findings().stream()
                    .filter(f -> !before.contains(f.fingerprint())).toList();
        }
    }
}
