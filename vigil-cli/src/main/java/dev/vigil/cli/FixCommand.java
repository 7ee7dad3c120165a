package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.vigil.java.fix.UnifiedDiff;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil fix}: scans, proposes deterministic fixes for the findings, verifies each (the fixed
 * file parses, re-analysis no longer reports the finding and reports nothing new, optionally no new
 * compile error), then prints a unified diff, JSON or SARIF, or writes the fixed files with
 * {@code --apply}.
 */
@Command(
        name = "fix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Proposes verified fixes for findings: a unified diff by default, or --apply to write them.",
        footer = {
            "",
            "Examples:",
            "  vigil fix                                 diff of every verified fix in the current directory",
            "  vigil fix src > fixes.patch && git apply fixes.patch",
            "  vigil fix . --rule java/sql-injection --apply --verify compile",
            "  vigil fix . --input vigil.sarif --format sarif --output fixes.sarif",
            "",
            "Exit codes: 0 every selected finding got a verified fix (or there was none), 1 some could not be"
                    + " fixed, 2 usage error, 3 internal error.",
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
            description = "parse (default): re-parse and re-analyze; compile: also compile the fixed files.")
    String verify;

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
            default -> throw new UsageException("unknown --verify '" + verify + "' (expected parse or compile)");
        };
        if (output != null && Files.isDirectory(output)) {
            throw new UsageException("--output " + output + " is a directory; give a file name");
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        ScanRequest request = ScanRequest.of(roots);
        SourceSet sources;
        try {
            sources = new SourceCollector(request.sourceOptions()).collect(roots, Progress.NONE);
        } catch (MissingPathException e) {
            throw new UsageException(e.getMessage());
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
        FixVerifier.Outcome verified = new FixVerifier(found, AnalysisOptions.defaults())
                .verify(sources, before, proposals, mode);

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

        writeOutput(scan, sources, files, verified, fixedTexts);
        if (!quiet) {
            summarize(err, verified.proposals(), refused);
        }
        err.flush();
        boolean allFixed = verified.proposals().stream().allMatch(p -> p instanceof FixProposal.Edits e
                && !refused.containsKey(e.file()));
        return allFixed ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private List<Finding> readInput() {
        try {
            return SarifReader.read(input).findings();
        } catch (InputFileException e) {
            throw new UsageException("cannot use --input " + e.getMessage(), e);
        }
    }

    private void writeOutput(ScanOutcome scan, SourceSet sources, Map<String, SourceFile> files,
                             FixVerifier.Outcome verified, Map<String, String> fixedTexts) throws IOException {
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
            case JSON -> bytes.write(json(verified, files).getBytes(StandardCharsets.UTF_8));
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

    private static String json(FixVerifier.Outcome verified, Map<String, SourceFile> files) throws IOException {
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
                    node.put("description", e.description());
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
                }
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static void summarize(PrintWriter err, List<FixProposal> proposals, Map<String, String> refused) {
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
                        lines.add("  fixed      " + where + ": " + e.description());
                    } else {
                        lines.add("  not written " + where + ": " + problem);
                    }
                }
                case FixProposal.NotFixable n -> {
                    if (n.reason().startsWith("no deterministic fix")) {
                        noRecipe.merge(f.ruleId(), 1, Integer::sum);
                    } else {
                        lines.add("  not fixed  " + where + ": " + n.reason());
                    }
                }
            }
        }
        err.println("vigil: " + fixed + " of " + proposals.size() + " findings fixed and verified");
        lines.forEach(err::println);
        noRecipe.forEach((rule, n) -> err.println("  not fixed  " + n + " x " + rule + ": no deterministic fix for this rule"
                + " (model-written fixes are not available yet)"));
    }
}
