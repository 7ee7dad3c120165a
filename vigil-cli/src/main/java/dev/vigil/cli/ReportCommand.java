package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.html.HtmlReport;
import dev.vigil.core.io.AtomicFiles;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.io.JsonFiles;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.sarif.SarifReader;
import dev.vigil.core.sarif.SarifWriter;
import dev.vigil.core.scan.ScanResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil report}: renders earlier results (a SARIF file, Vigil's or another tool's) as a report. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns a SARIF file into a self-contained HTML report.",
        footer = {
            "",
            "Examples:",
            "  vigil report vigil.sarif --output report.html",
            "  vigil report build/codeql.sarif -f html -o report.html --root ~/src/shop",
            "",
            "The code around each finding is read from the files under --root when the report is written.",
            "Exit codes: 0 report written, 2 unreadable or malformed SARIF file, or unwritable output, 3 internal error.",
        })
public final class ReportCommand implements Callable<Integer> {

    /** The formats {@code vigil report} writes. */
    public enum Format {
        HTML
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FINDINGS.sarif", description = "SARIF 2.1.0 file to report on.")
    Path input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "html",
            description = "Report format: html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Directory the findings' paths are relative to, where their code is read (default: the"
                    + " SARIF file's source root when it lies inside the current directory, else the current directory).")
    Path root;

    /** The directory a relative --root and the default root are taken from; tests choose their own. */
    private final Path workingDirectory;

    public ReportCommand() {
        this(Path.of(""));
    }

    ReportCommand(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Path sourceRoot = root == null ? null : workingDirectory.resolve(root);
        if (sourceRoot != null && !Files.isDirectory(sourceRoot)) {
            throw new UsageException("--root " + root + " is not a directory");
        }
        JsonNode sarif;
        SarifReader.SarifLog log;
        Path in = workingDirectory.resolve(input);
        try {
            sarif = JsonFiles.read(in);
            log = SarifReader.read(sarif, input.toString());
        } catch (InputFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (sourceRoot == null) {
            sourceRoot = defaultRoot(sarif);
        }
        Path base = sourceRoot;
        ScanResult result = scanResult(log, sarif);
        RuleCatalog rules = rules(log.rules());
        HtmlReport report = new HtmlReport();

        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            report.write(result, rules, base, out);
            out.flush();
        } else {
            try {
                AtomicFiles.write(workingDirectory.resolve(output), stream -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                    report.write(result, rules, base, w);
                    w.flush();
                });
            } catch (IOException e) {
                throw new UsageException("cannot write " + output + ": " + e.getMessage(), e);
            }
            if (!quiet) {
                spec.commandLine().getErr().println("vigil: wrote " + format.name().toLowerCase(java.util.Locale.ROOT)
                        + " report of " + result.findings().size() + " findings to " + output);
            }
        }
        return ExitCodes.OK;
    }

    /**
     * Vigil's SARIF records the scanned directory as {@code %SRCROOT%}; reading the code from there lets
     * {@code vigil report} run from the same place as {@code vigil scan}. It is used only when it lies
     * inside the working directory: a SARIF file from elsewhere must not make the report quote files
     * from anywhere on this machine.
     */
    private Path defaultRoot(JsonNode sarif) {
        String uri = sarif.path("runs").path(0).path("originalUriBaseIds").path(SarifWriter.SRCROOT).path("uri").asText("");
        if (uri.startsWith("file:")) {
            try {
                Path srcroot = Path.of(URI.create(uri)).toRealPath();
                if (srcroot.startsWith(workingDirectory.toRealPath())) {
                    return srcroot;
                }
                if (!quiet) {
                    spec.commandLine().getErr().println("vigil: reading code under the current directory; the SARIF file's"
                            + " source root " + srcroot + " is outside it (use --root to read from there)");
                }
            } catch (IllegalArgumentException | IOException e) {
                // not a usable file URI, or the directory is gone: fall back to the working directory
            }
        }
        return workingDirectory;
    }

    /**
     * The installed rules, plus the SARIF file's own rules for ids Vigil does not know (another tool's,
     * or a newer Vigil's), so every finding can show its rule's description and help.
     */
    static RuleCatalog rules(List<Rule> fromSarif) {
        RuleCatalog installed = RuleCatalog.load();
        Map<String, Rule> all = new LinkedHashMap<>();
        installed.all().forEach(r -> all.put(r.id(), r));
        fromSarif.forEach(r -> all.putIfAbsent(r.id(), r));
        return new RuleCatalog(all.values());
    }

    /**
     * The findings plus the scan metadata Vigil's SARIF writer records (run properties, invocation
     * times); a SARIF file from another tool lacks most of it, and the report leaves those out.
     */
    private static ScanResult scanResult(SarifReader.SarifLog log, JsonNode sarif) {
        JsonNode run = sarif.path("runs").path(0);
        JsonNode invocation = run.path("invocations").path(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        run.path("properties").properties().forEach(e -> {
            if (!e.getValue().isNull()) { // ScanResult's properties hold no nulls
                properties.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        });
        List<String> roots = new ArrayList<>();
        if (properties.remove("roots") instanceof List<?> list) {
            list.forEach(r -> roots.add(String.valueOf(r)));
        }
        int files = properties.remove("filesScanned") instanceof Number n ? n.intValue() : 0;
        long lines = properties.remove("linesScanned") instanceof Number n ? n.longValue() : 0;
        Object durationProperty = properties.remove("durationMillis");
        Instant started = instant(invocation.path("startTimeUtc").asText(null));
        Instant ended = instant(invocation.path("endTimeUtc").asText(null));
        long duration = durationProperty instanceof Number n ? n.longValue()
                : started != null && ended != null ? Duration.between(started, ended).toMillis() : 0;
        boolean successful = invocation.path("executionSuccessful").asBoolean(true);
        return new ScanResult(log.findings(), log.notifications(), roots, files, lines, started, duration, successful,
                properties);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // a malformed time only loses the "Started" line of the report
        }
    }
}
