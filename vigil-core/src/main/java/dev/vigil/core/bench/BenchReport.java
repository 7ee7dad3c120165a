package dev.vigil.core.bench;

import java.util.List;

/**
 * Everything one {@code vigil bench --expected} run reports: one scorecard per tool, side by side.
 *
 * @param equivalences the CWE groups used, as "327=328", so a reader can reproduce the numbers
 */
public record BenchReport(String expectedSource, int testCases, List<Scorecard> scorecards, List<String> equivalences) {

    public BenchReport {
        scorecards = List.copyOf(scorecards);
        equivalences = List.copyOf(equivalences);
    }
}
