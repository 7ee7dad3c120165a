package dev.vigil.java.corpus;

/**
 * Per-rule counts of one comparison.
 *
 * @param expected expect markers
 * @param truePositives expect markers that were reported
 * @param falseNegatives expect markers that were not reported
 * @param falsePositives findings on a line without an expect marker for their rule (safe marker or none)
 * @param safe safe markers
 * @param trueNegatives safe markers that were not reported
 */
record RuleTally(int expected, int truePositives, int falseNegatives, int falsePositives, int safe, int trueNegatives) {

    static final RuleTally ZERO = new RuleTally(0, 0, 0, 0, 0, 0);

    RuleTally plus(RuleTally o) {
        return new RuleTally(expected + o.expected, truePositives + o.truePositives, falseNegatives + o.falseNegatives,
                falsePositives + o.falsePositives, safe + o.safe, trueNegatives + o.trueNegatives);
    }

    /** TP / (TP + FP); 1.0 when nothing was reported, since no report was wrong. */
    double precision() {
        int reported = truePositives + falsePositives;
        return reported == 0 ? 1.0 : (double) truePositives / reported;
    }

    /** TP / expected; 1.0 when nothing was expected. */
    double recall() {
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }
}
