package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.model.ModelOptions;
import dev.vigil.cli.scan.ScanOutcome;
import dev.vigil.cli.scan.ScanPipeline;
import dev.vigil.cli.scan.ScanRequest;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.io.AtomicFiles;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.sarif.SarifFix;
import dev.vigil.core.sarif.SarifReader;
import dev.vigil.core.sarif.SarifWriter;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.scan.ScanResult;
import dev.vigil.core.source.MissingPathException;
import dev.vigil.core.source.SourceCollector;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.fix.Edit;
import dev.vigil.java.fix.FileUpdater;
import dev.vigil.java.fix.FixEngine;
import dev.vigil.java.fix.FixProposal;
import dev.vigil.java.fix.FixVerifier;
import dev.vigil.java.fix.ProjectTests;
import dev.vigil.java.fix.UnifiedDiff;
import dev.vigil.llm.config.ModelConfig;
import dev.vigil.llm.config.ModelConfigLoader;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Stage;
import dev.vigil.llm.fix.ModelFixer;
import dev.vigil.llm.session.ModelSession;
import java.time.Duration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil fix}: scans, proposes deterministic fixes for the findings, verifies each (the fixed
 * file parses, re-analysis no longer reports the finding and reports nothing new, optionally no new
 * compile error, optionally the project's tests still pass), then prints a unified diff, JSON or SARIF,
 * or writes the fixed files with {@code --apply}. With {@code --model}, findings left without a
 * deterministic fix get model-written rewrites of their enclosing method, verified the same way.
 */
@Command(
        name = "fix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Proposes verified fixes for findings: a unified diff by default, or --apply to write them.",
        footer = {
            "",
            "Examples:",
            "  vigil fix                              diff of every verified fix here",
            "  vigil fix src > fixes.patch && git apply fixes.patch",
            "  vigil fix . --rule java/sql-injection --apply --verify compile",
            "  vigil fix . --input vigil.sarif --format sarif --output fixes.sarif",
            "  vigil fix . --verify tests --apply     the project's tests must still pass",
            "  vigil fix . --verify tests --test-command './run-tests.sh' --test-timeout 5m",
            "  vigil fix . --model --candidates 3     model fixes where no recipe applies",
            "  vigil fix . --model=local --max-cost 0.50 --dry-run",
            "",
            "Recipes' fixes always take precedence; model-written fixes are labelled with",
            "their profile and model (summary, JSON \"source\": \"model\", SARIF). Models come",
            "from vigil.yaml, --config or VIGIL_MODEL_* (docs/models.md); without --model",
            "no code is sent anywhere. --verify tests detects Maven (./mvnw, mvn) and Gradle",
            "(./gradlew, gradle) and never touches your files: it tests a copy.",
            "",
            "Exit codes: 0 every selected finding got a verified fix (or there was none), 1 some could not be"
                    + " fixed, 2 usage error or every model profile failed, 3 internal error.",
        })
public final class FixCommand implements Callable<Integer> {

    /** The output formats of {@code vigil fix}. */
    enum Format { DIFF, JSON, SARIF }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or directories to fix (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "RULE", description = "Fix only findings of this rule (repeatable).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--finding", paramLabel = "FINGERPRINT",
            description = "Fix only the finding with this fingerprint (repeatable).")
    List<String> fingerprints = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FINDINGS.sarif",
            description = "Fix the findings of this SARIF report instead of the scan's own.")
    Path input;

    @Option(names = "--apply", description = "Write the verified fixes to the files (atomically).")
    boolean apply;

    @Option(names = "--verify", paramLabel = "MODE", defaultValue = "parse",
            description = "parse (default): re-parse and re-analyze; compile: also compile the fixed files;"
                    + " tests: also run the project's tests in a copy of the project, before and after the fixes.")
    String verify;

    @Option(names = "--test-command", paramLabel = "CMD",
            description = "Test command for --verify tests, run with sh -c in the copy (default: ./mvnw or"
                    + " mvn -B -q test for Maven, ./gradlew or gradle test for Gradle).")
    String testCommand;

    @Option(names = "--test-timeout", paramLabel = "DURATION",
            description = "Time limit of one test run for --verify tests: 90s, 10m, 500ms (default: 10m).")
    String testTimeout;

    @Option(names = "--model", paramLabel = "PROFILE", arity = "0..1", fallbackValue = "",
            description = "Ask the configured model for fixes of findings without a deterministic fix (the fix"
                    + " stage's profiles, or only PROFILE: --model=PROFILE).")
    String modelProfile;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "3",
            description = "With --model: model-written candidates tried per finding, first verified wins (1-10, default: ${DEFAULT-VALUE}).")
    int candidates;

    @Mixin
    ModelOptions model;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "diff",
            description = "Output: diff (default), json or sarif.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the output to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Print no summary on standard error.")
    boolean quiet;

    private final Supplier<List<Analyzer>> analyzers;

    public FixCommand() {
        this(ScanPipeline::discoverAnalyzers);
    }

    FixCommand(Supplier<List<Analyzer>> analyzers) {
        this.analyzers = analyzers;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        FixVerifier.Mode mode = switch (verify.toLowerCase(Locale.ROOT)) {
            case "parse" -> FixVerifier.Mode.PARSE;
            case "compile" -> FixVerifier.Mode.COMPILE;
            case "tests" -> FixVerifier.Mode.TESTS;
            default -> throw new UsageException("unknown --verify '" + verify + "' (expected parse, compile or tests)");
        };
        if (mode != FixVerifier.Mode.TESTS && (testCommand != null || testTimeout != null)) {
            throw new UsageException((testCommand != null ? "--test-command" : "--test-timeout") + " needs --verify tests");
        }
        if (candidates < 1 || candidates > 10) {
            throw new UsageException("--candidates must be between 1 and 10");
        }
        Duration timeout = duration(testTimeout == null ? "10m" : testTimeout);
        if (output != null && Files.isDirectory(output)) {
            throw new UsageException("--output " + output + " is a directory; give a file name");
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        Map<String, String> env = System.getenv();
        ProjectTests tests = null;
        Path first = roots.get(0).toAbsolutePath().normalize();
        if (mode == FixVerifier.Mode.TESTS && Files.exists(first)) {
            // Before the scan, so a missing build tool is reported at once (a missing path is the scan's to report).
            try {
                tests = ProjectTests.detect(Files.isDirectory(first) ? first : first.getParent(), testCommand, timeout, env,
                        line -> progress(err, line));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        ScanRequest request = ScanRequest.of(roots);
        SourceSet sources;
        try {
            sources = new SourceCollector(request.sourceOptions()).collect(roots, Progress.NONE);
        } catch (MissingPathException e) {
            throw new UsageException(e.getMessage());
        }
        // Before the scan, so a missing or broken model configuration is reported at once.
        Path projectRoot = sources.base();
        ModelSession session = null;
        if (modelProfile != null) {
            if (!modelProfile.isEmpty()) {
                model.preferProfile(modelProfile);
            }
            ModelConfig config = model.loadConfig(projectRoot, env);
            session = model.openSession(config, projectRoot, env, err);
            if (tests != null) {
                // The project's tests get the environment, but not the model's keys.
                List<String> keys = new ArrayList<>(List.of("VIGIL_MODEL_API_KEY"));
                config.profiles().values().stream().map(ModelProfile::apiKeyEnv).filter(k -> k != null).forEach(keys::add);
                tests.hideVariables(keys);
            }
        }

        List<Analyzer> found = analyzers.get();
        ScanOutcome scan = new ScanPipeline(found).run(request, sources, Progress.NONE);
        List<Finding> before = scan.result().findings();
        List<Finding> targets = input == null ? before : readInput();
        targets = targets.stream()
                .filter(f -> rules.isEmpty() || rules.contains(f.ruleId()))
                .filter(f -> fingerprints.isEmpty() || fingerprints.contains(f.fingerprint()))
                .toList();

        List<FixProposal> proposals = FixEngine.forProject(sources).propose(sources, targets);
        FixVerifier.Outcome verified;
        ModelFixes.Result modelFixes = null;
        try {
            FixVerifier verifier = new FixVerifier(found, AnalysisOptions.defaults(), tests);
            if (session == null) {
                verified = verifier.verify(sources, before, proposals, mode);
            } else {
                // Recipes first; each model candidate is then verified alone (without the tests, which run
                // once below on everything that is left).
                FixVerifier.Mode alone = mode == FixVerifier.Mode.TESTS ? FixVerifier.Mode.COMPILE : mode;
                FixVerifier.Outcome deterministic = verifier.verify(sources, before, proposals, alone);
                modelFixes = ModelFixes.run(sources, before, deterministic.proposals(), verifier, alone,
                        new ModelFixer(session), candidates, line -> progress(err, line));
                if (session.dryRun()) {
                    if (!quiet) {
                        dryRunSummary(err, session);
                    }
                    err.flush();
                    return ExitCodes.OK;
                }
                boolean anyEdits = modelFixes.proposals().stream().anyMatch(p -> p instanceof FixProposal.Edits);
                verified = !anyEdits ? new FixVerifier.Outcome(modelFixes.proposals(), Map.of())
                        : alone == mode && modelFixes.written().isEmpty()
                        ? new FixVerifier.Outcome(modelFixes.proposals(), deterministic.fixedTexts())
                        : labelRejected(verifier.verify(sources, before, modelFixes.proposals(), mode), modelFixes);
            }
        } finally {
            if (tests != null) {
                tests.close();
            }
        }

        Map<String, SourceFile> files = new HashMap<>();
        sources.files().forEach(f -> files.put(f.relativePath(), f));
        Map<String, String> fixedTexts = new TreeMap<>(verified.fixedTexts());
        Map<String, String> refused = new LinkedHashMap<>();
        if (apply && !fixedTexts.isEmpty()) {
            List<FileUpdater.Change> changes = new ArrayList<>();
            fixedTexts.forEach((file, text) -> changes.add(new FileUpdater.Change(files.get(file), text)));
            FileUpdater.Report report = FileUpdater.apply(changes);
            refused.putAll(report.refused());
        }

        Map<FixProposal, ModelFixes.Written> written = modelFixes == null ? Map.of() : modelFixes.written();
        Map<String, List<String>> attempts = modelFixes == null ? Map.of() : modelFixes.attempts();
        writeOutput(scan, sources, files, verified, fixedTexts, written, attempts);
        if (!quiet) {
            summarize(err, verified.proposals(), refused, written, modelHint(projectRoot, env));
            if (session != null) {
                if (modelFixes.budgetStop() != null) {
                    err.println("vigil: model budget reached (" + modelFixes.budgetStop()
                            + "): the remaining findings got no model-written fix");
                }
                session.ledger().summary().forEach(l -> err.println("vigil: " + l));
            }
        }
        if (modelFixes != null && modelFixes.failure() != null) {
            err.println("vigil: " + modelFixes.failure());
            err.flush();
            return ExitCodes.USAGE;
        }
        err.flush();
        boolean allFixed = verified.proposals().stream().allMatch(p -> p instanceof FixProposal.Edits e
                && !refused.containsKey(e.file()));
        return allFixed ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** A model-written fix that verified alone but not with the others (or not with the tests) says so. */
    private static FixVerifier.Outcome labelRejected(FixVerifier.Outcome outcome, ModelFixes.Result modelFixes) {
        List<FixProposal> out = new ArrayList<>(outcome.proposals());
        for (int i = 0; i < out.size(); i++) {
            ModelFixes.Written w = modelFixes.written().get(modelFixes.proposals().get(i));
            if (w != null && out.get(i) instanceof FixProposal.NotFixable n) {
                out.set(i, new FixProposal.NotFixable(n.finding(), "model-written fix (profile " + w.profile() + ", candidate "
                        + w.candidate() + ") rejected: " + n.reason()));
            }
        }
        return new FixVerifier.Outcome(out, outcome.fixedTexts());
    }

    private void progress(PrintWriter err, String line) {
        if (quiet) {
            return;
        }
        synchronized (err) {
            err.println("vigil: " + line);
            err.flush();
        }
    }

    private static void dryRunSummary(PrintWriter err, ModelSession session) {
        var usage = session.ledger();
        long input = usage.lines().stream().mapToLong(l -> l.inputTokens()).sum();
        long outputTokens = usage.lines().stream().mapToLong(l -> l.outputTokens()).sum();
        long hits = usage.lines().stream().mapToLong(l -> l.cacheHits()).sum();
        err.println(String.format(Locale.ROOT, "vigil: dry run: would send up to %d requests (~%d input tokens, at most"
                + " %d output tokens, at most $%.4f); %d answers already cached; nothing was sent, no fix written",
                usage.totalRequests(), input, outputTokens, usage.totalCost(), hits));
    }

    /** The summary's hint about model-written fixes when --model was not given, or null. */
    private String modelHint(Path projectRoot, Map<String, String> env) {
        if (modelProfile != null) {
            return null;
        }
        try {
            ModelConfig config = ModelConfigLoader.load(projectRoot, null, env);
            return config.isEmpty() ? "no model configured for model-written fixes (see docs/models.md)"
                    : "add --model to try model-written fixes (" + config.chain(Stage.FIX, null).size()
                            + " profile(s) configured)";
        } catch (RuntimeException e) { // ConfigException included: a broken file is reported by --model, not by a hint
            return "no model configured for model-written fixes (see docs/models.md)";
        }
    }

    static Duration duration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("--test-timeout '" + text + "' is not a duration (examples: 90s, 10m, 500ms)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new UsageException("--test-timeout must be more than 0");
        }
        return d;
    }

    private List<Finding> readInput() {
        try {
            return SarifReader.read(input).findings();
        } catch (InputFileException e) {
            throw new UsageException("cannot use --input " + e.getMessage(), e);
        }
    }

    private void writeOutput(ScanOutcome scan, SourceSet sources, Map<String, SourceFile> files,
                             FixVerifier.Outcome verified, Map<String, String> fixedTexts,
                             Map<FixProposal, ModelFixes.Written> written, Map<String, List<String>> attempts)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        switch (format) {
            case DIFF -> {
                for (var entry : fixedTexts.entrySet()) {
                    SourceFile f = files.get(entry.getKey());
                    String bom = f.bom() ? "\uFEFF" : "";
                    // Hunk lines carry the file's own bytes, so a Latin-1 or UTF-16 file patches cleanly.
                    bytes.write(UnifiedDiff.of(f.relativePath(), bom + f.text(), bom + entry.getValue())
                            .getBytes(f.charset()));
                }
            }
            case JSON -> bytes.write(json(verified, files, written, attempts).getBytes(StandardCharsets.UTF_8));
            case SARIF -> {
                Map<String, SarifFix> fixes = new HashMap<>();
                List<Finding> findings = new ArrayList<>();
                for (FixProposal p : verified.proposals()) {
                    findings.add(p.finding());
                    if (p instanceof FixProposal.Edits e) {
                        fixes.put(e.finding().fingerprint(), sarifFix(e, files.get(e.file())));
                    }
                }
                ScanResult r = scan.result();
                ScanResult withTargets = new ScanResult(findings, List.<Notification>of(), r.roots(), r.filesScanned(),
                        r.linesScanned(), r.startedAt(), r.durationMillis(), r.successful(), r.properties());
                bytes.write(new SarifWriter(VersionProvider.version(), RuleCatalog.load())
                        .toJson(withTargets, sources.base(), fixes).getBytes(StandardCharsets.UTF_8));
            }
        }
        boolean utf8 = fixedTexts.keySet().stream().allMatch(f -> files.get(f).charset().equals(StandardCharsets.UTF_8));
        if (output == null && (utf8 || format != Format.DIFF)) {
            spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } else if (output == null) {
            // Raw bytes: a diff of a non-UTF-8 file must not be re-encoded by the console writer.
            spec.commandLine().getOut().flush();
            OutputStream out = System.out;
            out.write(bytes.toByteArray());
            out.flush();
        } else {
            try {
                AtomicFiles.write(output, o -> o.write(bytes.toByteArray()));
            } catch (IOException e) {
                throw new UsageException("cannot write " + output + ": " + e.getMessage(), e);
            }
        }
    }

    private static SarifFix sarifFix(FixProposal.Edits e, SourceFile f) {
        List<SarifFix.Replacement> replacements = new ArrayList<>();
        for (Edit edit : e.edits()) {
            int[] start = lineColumn(f.text(), edit.offset());
            int[] end = lineColumn(f.text(), edit.end());
            replacements.add(new SarifFix.Replacement(start[0], start[1], end[0], end[1], edit.replacement()));
        }
        return new SarifFix(e.description(), e.file(), replacements);
    }

    private static int[] lineColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static String json(FixVerifier.Outcome verified, Map<String, SourceFile> files,
                               Map<FixProposal, ModelFixes.Written> written, Map<String, List<String>> attempts)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode fixes = root.putArray("fixes");
        for (FixProposal p : verified.proposals()) {
            ObjectNode node = fixes.addObject();
            Finding f = p.finding();
            node.put("ruleId", f.ruleId());
            node.put("fingerprint", f.fingerprint());
            node.put("file", f.location().file());
            node.put("line", f.location().startLine());
            switch (p) {
                case FixProposal.Edits e -> {
                    node.put("status", "fixed");
                    ModelFixes.Written w = written.get(e);
                    node.put("source", w == null ? "recipe" : "model");
                    if (w != null) {
                        ObjectNode m = node.putObject("model");
                        m.put("profile", w.profile());
                        m.put("model", w.model());
                        m.put("candidate", w.candidate());
                        m.put("explanation", w.explanation());
                        m.put("fromCache", w.fromCache());
                    }
                    node.put("description", e.description());
                    if (!e.file().equals(f.location().file())) {
                        node.put("editedFile", e.file()); // a setting in a .properties file, not the finding's file
                    }
                    ArrayNode edits = node.putArray("edits");
                    SourceFile file = files.get(e.file());
                    for (Edit edit : e.edits()) {
                        int[] start = lineColumn(file.text(), edit.offset());
                        int[] end = lineColumn(file.text(), edit.end());
                        ObjectNode en = edits.addObject();
                        en.put("offset", edit.offset());
                        en.put("length", edit.length());
                        en.put("startLine", start[0]);
                        en.put("startColumn", start[1]);
                        en.put("endLine", end[0]);
                        en.put("endColumn", end[1]);
                        en.put("replacement", edit.replacement());
                    }
                }
                case FixProposal.NotFixable n -> {
                    node.put("status", "not-fixed");
                    node.put("reason", n.reason());
                    List<String> tried = attempts.get(f.fingerprint());
                    if (tried != null) {
                        ArrayNode a = node.putArray("modelAttempts");
                        tried.forEach(a::add);
                    }
                }
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static void summarize(PrintWriter err, List<FixProposal> proposals, Map<String, String> refused,
                                  Map<FixProposal, ModelFixes.Written> written, String modelHint) {
        int fixed = 0;
        Map<String, Integer> noRecipe = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (FixProposal p : proposals) {
            Finding f = p.finding();
            String where = f.location().file() + ":" + f.location().startLine() + " " + f.ruleId();
            switch (p) {
                case FixProposal.Edits e -> {
                    String problem = refused.get(e.file());
                    if (problem == null) {
                        fixed++;
                        lines.add((written.containsKey(e) ? "  fixed (model) " : "  fixed      ") + where + ": "
                                + e.description());
                    } else {
                        lines.add("  not written " + where + ": " + problem);
                    }
                }
                case FixProposal.NotFixable n -> {
                    if (n.reason().equals("no deterministic fix for " + f.ruleId())) {
                        noRecipe.merge(f.ruleId(), 1, Integer::sum);
                    } else {
                        lines.add("  not fixed  " + where + ": " + n.reason());
                    }
                }
            }
        }
        long byModel = proposals.stream()
                .filter(p -> written.containsKey(p) && !refused.containsKey(((FixProposal.Edits) p).file()))
                .count();
        err.println("vigil: " + fixed + " of " + proposals.size() + " findings fixed and verified"
                + (byModel > 0 ? " (" + byModel + " model-written)" : ""));
        lines.forEach(err::println);
        noRecipe.forEach((rule, n) -> err.println("  not fixed  " + n + " x " + rule + ": no deterministic fix for this rule"
                + (modelHint == null ? "" : " (" + modelHint + ")")));
    }
}
