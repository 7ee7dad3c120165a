package dev.vigil.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, per truth entry, whether the tool detected the vulnerability: at least one result lies in
 * a file the fix changed, within a changed line range, and carries one of the entry's CWEs (or an
 * equivalent one). A result without a line (line 0) only counts for a change without line ranges.
 */
public final class TruthScorer {

    private static final int MAX_HITS_SHOWN = 5;

    private final CweEquivalence equivalence;
    private final RuleCweMap ruleCwes;
    private final ProjectScanner scanner;

    /** @param scanner scans projects whose entry names no SARIF file; null when in-process scanning is unavailable */
    public TruthScorer(CweEquivalence equivalence, ProjectScanner scanner) {
        this(equivalence, RuleCweMap.none(), scanner);
    }

    /** @param ruleCwes CWEs added to results by rule id, for tools whose SARIF names none */
    public TruthScorer(CweEquivalence equivalence, RuleCweMap ruleCwes, ProjectScanner scanner) {
        this.equivalence = equivalence;
        this.ruleCwes = ruleCwes;
        this.scanner = scanner;
    }

    public TruthReport score(String truthSource, List<TruthEntry> entries) {
        List<TruthOutcome> outcomes = new ArrayList<>();
        String tool = null;
        for (TruthEntry entry : entries) {
            Evaluated ev = evaluate(entry);
            outcomes.add(ev.outcome());
            if (tool == null && ev.tool() != null) {
                tool = ev.tool();
            }
        }
        return new TruthReport(truthSource, tool == null ? "unknown" : tool, outcomes, equivalence.describe());
    }

    private record Evaluated(TruthOutcome outcome, String tool) {
    }

    private Evaluated evaluate(TruthEntry entry) {
        if (!Files.isDirectory(entry.project())) {
            return failed(entry, 0, "project directory " + entry.project() + " not found");
        }
        long lines;
        try {
            lines = JavaLines.count(entry.project());
        } catch (IOException e) {
            return failed(entry, 0, "cannot list " + entry.project() + ": " + e.getMessage());
        }
        ToolResults results;
        long millis = -1;
        try {
            if (entry.sarif() != null) {
                results = SarifResults.read(entry.sarif());
            } else if (scanner == null) {
                return failed(entry, lines, "no \"sarif\" given and in-process scanning is not available");
            } else {
                long start = System.nanoTime();
                results = scanner.scan(entry.project());
                millis = (System.nanoTime() - start) / 1_000_000;
            }
        } catch (BenchInputException e) {
            return failed(entry, lines, e.getMessage());
        } catch (Exception e) {
            return failed(entry, lines, "scan failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        results = ruleCwes.apply(results);
        List<String> hits = new ArrayList<>();
        int hitCount = 0;
        for (ToolResult r : results.results()) {
            if (matchesCwe(entry, r) && entry.changes().stream().anyMatch(c -> c.covers(r))) {
                hitCount++;
                if (hits.size() < MAX_HITS_SHOWN) {
                    hits.add(r.ruleId() + " " + r.path() + ":" + r.line());
                }
            }
        }
        TruthOutcome outcome = new TruthOutcome(entry, hitCount > 0, hits, results.results().size(), lines, millis, null);
        return new Evaluated(outcome, results.tool());
    }

    private boolean matchesCwe(TruthEntry entry, ToolResult r) {
        return entry.cwes().stream().anyMatch(cwe -> equivalence.matchesAny(cwe, r.cwes()));
    }

    private static Evaluated failed(TruthEntry entry, long lines, String why) {
        return new Evaluated(new TruthOutcome(entry, false, List.of(), 0, lines, -1, why), null);
    }
}
