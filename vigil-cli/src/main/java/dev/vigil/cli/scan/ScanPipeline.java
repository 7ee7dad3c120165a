package dev.vigil.cli.scan;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Fingerprints;
import dev.vigil.core.finding.Location;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.scan.ScanResult;
import dev.vigil.core.source.SourceCollector;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import dev.vigil.core.suppression.InlineSuppressions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * One scan from paths to a {@link ScanResult}: collect sources, run every analyzer in this JVM, apply
 * inline suppressions, make fingerprints unique, drop what the baseline knows. Reporters take it from
 * there. An analyzer that throws is a bug in Vigil: its failure becomes an error notification and an
 * unsuccessful result, while the other analyzers' findings are still reported.
 */
public final class ScanPipeline {

    private final List<Analyzer> analyzers;

    /** A pipeline with every analyzer on the class path ({@code META-INF/services/dev.vigil.core.scan.Analyzer}). */
    public ScanPipeline() {
        this(discoverAnalyzers());
    }

    public ScanPipeline(List<Analyzer> analyzers) {
        this.analyzers = List.copyOf(analyzers);
    }

    public static List<Analyzer> discoverAnalyzers() {
        List<Analyzer> found = new ArrayList<>();
        ServiceLoader.load(Analyzer.class, ScanPipeline.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(Analyzer::name));
        return found;
    }

    public List<Analyzer> analyzers() {
        return analyzers;
    }

    /**
     * @throws dev.vigil.core.source.MissingPathException when a path does not exist
     */
    public ScanOutcome run(ScanRequest request, Progress progress) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Map<String, Object> timings = new LinkedHashMap<>();

        progress.start("collecting files", 0);
        SourceSet sources = new SourceCollector(request.sourceOptions()).collect(request.paths(), progress);
        timings.put("collect", millisSince(t0));
        return run(request, sources, progress, started, t0, timings);
    }

    /**
     * Analyzes sources that were already collected (for {@code vigil fix}, which needs the same
     * decoded texts later to edit and write them back).
     */
    public ScanOutcome run(ScanRequest request, SourceSet sources, Progress progress) {
        return run(request, sources, progress, Instant.now(), System.nanoTime(), new LinkedHashMap<>());
    }

    private ScanOutcome run(ScanRequest request, SourceSet sources, Progress progress, Instant started, long t0,
                            Map<String, Object> timings) {

        List<Finding> findings = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>(sources.notifications());
        boolean successful = true;
        for (Analyzer analyzer : analyzers) {
            long t = System.nanoTime();
            try {
                AnalysisResult r = analyzer.analyze(sources, request.analysisOptions(), progress);
                findings.addAll(r.findings());
                notifications.addAll(r.notifications());
            } catch (dev.vigil.core.models.ModelLoader.ModelException e) {
                // A malformed project model file is the user's configuration error, not a crash.
                throw new dev.vigil.cli.UsageException(e.getMessage(), e);
            } catch (RuntimeException | StackOverflowError e) {
                successful = false;
                notifications.add(new Notification(Notification.Level.ERROR, null, 0,
                        "analyzer '" + analyzer.name() + "' failed (a bug in Vigil; its findings are missing): " + e
                                + where(e)));
            }
            timings.put("analyze:" + analyzer.name(), millisSince(t));
        }

        long t = System.nanoTime();
        findings = withSnippets(findings, sources);
        findings.sort(Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().startLine())
                .thenComparingInt(f -> f.location().startColumn())
                .thenComparing(Finding::ruleId));
        findings = InlineSuppressions.apply(findings, sources);
        // Unique before the baseline, so the n-th identical finding matches the n-th of the earlier run.
        findings = Fingerprints.disambiguate(findings);
        int hidden = 0;
        if (request.baseline() != null) {
            List<Finding> fresh = request.baseline().newFindings(findings);
            hidden = findings.size() - fresh.size();
            findings = fresh;
        }
        timings.put("postprocess", millisSince(t));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("analyzers", analyzers.stream().map(Analyzer::name).toList());
        properties.put("threatModels", request.analysisOptions().threatModels().stream().sorted().toList());
        if (request.baseline() != null) {
            properties.put("baseline", request.baseline().source().toString());
            properties.put("hiddenByBaseline", hidden);
        }
        properties.put("timingsMillis", timings);
        long lines = sources.files().stream().mapToLong(SourceFile::lineCount).sum();
        ScanResult result = new ScanResult(findings, notifications,
                request.paths().stream().map(Path::toString).toList(), sources.files().size(), lines, started,
                millisSince(t0), successful, properties);
        return new ScanOutcome(result, sources.base(), hidden);
    }

    /**
     * Fills an empty snippet from the source line so every report can show the code. The fingerprint
     * is kept: it was computed by the analyzer and must not change between runs because of this.
     */
    private static List<Finding> withSnippets(List<Finding> findings, SourceSet sources) {
        Map<String, SourceFile> byPath = new HashMap<>();
        sources.files().forEach(s -> byPath.put(s.relativePath(), s));
        Map<String, String[]> lines = new HashMap<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Location l = f.location();
            if (!l.snippet().isEmpty()) {
                out.add(f);
                continue;
            }
            SourceFile source = byPath.get(l.file());
            String[] fileLines = source == null ? new String[0]
                    : lines.computeIfAbsent(l.file(), file -> source.text().split("\\r\\n|\\r|\\n", -1));
            if (l.startLine() > fileLines.length) {
                out.add(f);
                continue;
            }
            Location filled = new Location(l.file(), l.startLine(), l.startColumn(), l.endLine(), l.endColumn(),
                    fileLines[l.startLine() - 1].strip());
            out.add(new Finding(f.ruleId(), f.cwe(), f.severity(), f.message(), filled, f.enclosingMethod(), f.flow(),
                    f.fingerprint(), f.properties(), f.suppression()));
        }
        return out;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The innermost frames of a crash, so a bug report can say where it happened. */
    private static String where(Throwable e) {
        StringBuilder sb = new StringBuilder();
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(12, trace.length); i++) {
            sb.append(System.lineSeparator()).append("    at ").append(trace[i]);
        }
        return sb.toString();
    }
}
