package dev.vigil.core.bench;

import java.util.List;

/** The outcome of {@code vigil bench --truth}: one line per entry and the totals. */
public record TruthReport(String truthSource, String tool, List<TruthOutcome> outcomes, List<String> equivalences) {

    public TruthReport {
        outcomes = List.copyOf(outcomes);
        equivalences = List.copyOf(equivalences);
    }

    public long detected() {
        return outcomes.stream().filter(TruthOutcome::detected).count();
    }

    /** Detected entries over all entries; entries that could not be evaluated count as missed. */
    public double detectionRate() {
        return outcomes.isEmpty() ? 0 : (double) detected() / outcomes.size();
    }

    public long alarms() {
        return outcomes.stream().mapToLong(TruthOutcome::alarms).sum();
    }

    public long javaLines() {
        return outcomes.stream().mapToLong(TruthOutcome::javaLines).sum();
    }

    /** All alarms over all lines, so large projects weigh by their size. */
    public double alarmsPerKloc() {
        long lines = javaLines();
        return lines == 0 ? 0 : alarms() * 1000.0 / lines;
    }

    /** Total in-process scan time; entries read from SARIF add nothing. */
    public long durationMillis() {
        return outcomes.stream().mapToLong(o -> Math.max(0, o.durationMillis())).sum();
    }

    public long errors() {
        return outcomes.stream().filter(o -> o.error() != null).count();
    }
}
