package dev.vigil.core.bench;

import java.util.List;

/**
 * One tool's scores against one expected-results file.
 *
 * @param categories in alphabetical order of category name
 * @param totals the counts summed over all categories
 * @param tpr unweighted mean over categories, like {@link #fpr}, {@link #score}, {@link #precision} and {@link #f1}:
 *     every category weighs the same however many test cases it has
 * @param resultsMatched results that fell in a test case file (whatever their CWE)
 * @param resultsIgnored results in files that are no test case of the CSV
 */
public record Scorecard(
        String tool,
        String source,
        List<CategoryScore> categories,
        Counts totals,
        double tpr,
        double fpr,
        double score,
        double precision,
        double f1,
        int resultsMatched,
        int resultsIgnored) {

    public Scorecard {
        categories = List.copyOf(categories);
    }
}
