package dev.vigil.java.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Decides, per file, what fails the corpus test once known gaps are taken into account. */
final class CorpusVerdict {

    private CorpusVerdict() {
    }

    /** Failure lines for one file of a run; empty when the file passes. */
    static List<String> failures(CorpusRun run, String file, KnownGaps gaps) {
        List<String> out = new ArrayList<>(run.problemsByFile().getOrDefault(file, List.of()));
        List<Mismatch> mismatches = run.comparison().mismatches(file);
        for (Mismatch m : mismatches) {
            if (!gaps.accepts(m)) {
                out.add(m.display());
            }
        }
        for (String stale : gaps.stale(file, mismatches)) {
            out.add("fixed     " + stale.substring(stale.indexOf(' ')).strip()
                    + " is listed in " + CorpusTree.GAPS_FILE + ":" + gaps.lineOf(stale)
                    + " but no longer happens: remove the line (the list only shrinks)");
        }
        return out;
    }

    /** Gap lines naming files that none of the runs contains (renamed or deleted corpus files). */
    static List<String> orphanGaps(List<CorpusRun> runs, KnownGaps gaps) {
        Set<String> known = new TreeSet<>();
        runs.forEach(r -> known.addAll(r.reportedFiles()));
        List<String> out = new ArrayList<>();
        for (String file : gaps.files()) {
            if (!known.contains(file)) {
                out.add(CorpusTree.GAPS_FILE + " names " + file + ", which is not in the corpus any more: remove its lines");
            }
        }
        return out;
    }

    /** The message of a failing file: one diff line per problem, with a hint for the ratchet. */
    static String message(String file, List<String> failures) {
        StringBuilder sb = new StringBuilder(file).append(": markers and findings differ\n");
        failures.forEach(f -> sb.append("  ").append(f).append('\n'));
        sb.append("(accept current results with -Dvigil.corpus.updateGaps=true, which rewrites ")
                .append(CorpusTree.GAPS_FILE).append(')');
        return sb.toString();
    }
}
