package dev.vigil.core.bench;

import java.util.List;

/**
 * What the benchmark found for one truth entry.
 *
 * @param hits the results inside a changed region with a matching CWE ("rule file:line")
 * @param alarms all results the tool reported on the project
 * @param javaLines lines of .java files in the project
 * @param durationMillis time of the in-process scan, or -1 when results came from a SARIF file
 * @param error why the entry could not be evaluated (then it counts as not detected), or null
 */
public record TruthOutcome(TruthEntry entry, boolean detected, List<String> hits, int alarms, long javaLines,
                           long durationMillis, String error) {

    public TruthOutcome {
        hits = List.copyOf(hits);
    }

    public double alarmsPerKloc() {
        return javaLines == 0 ? 0 : alarms * 1000.0 / javaLines;
    }
}
