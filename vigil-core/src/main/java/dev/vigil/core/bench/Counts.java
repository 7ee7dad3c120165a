package dev.vigil.core.bench;

/**
 * Confusion counts of one category (or of all categories summed) and the rates derived from them.
 * A rate whose denominator is zero is defined as 0 (a category with no real vulnerabilities has
 * TPR 0; one with no look-alikes has FPR 0), so that every number in a report is finite and an
 * independent scorer following the same rule gets the same numbers.
 */
public record Counts(int tp, int fn, int fp, int tn) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(tp + o.tp, fn + o.fn, fp + o.fp, tn + o.tn);
    }

    public Counts add(boolean real, boolean flagged) {
        if (real) {
            return flagged ? new Counts(tp + 1, fn, fp, tn) : new Counts(tp, fn + 1, fp, tn);
        }
        return flagged ? new Counts(tp, fn, fp + 1, tn) : new Counts(tp, fn, fp, tn + 1);
    }

    public int total() {
        return tp + fn + fp + tn;
    }

    /** TP / (TP + FN): the share of real vulnerabilities reported (recall). */
    public double tpr() {
        return ratio(tp, tp + fn);
    }

    /** FP / (FP + TN): the share of look-alikes wrongly reported. */
    public double fpr() {
        return ratio(fp, fp + tn);
    }

    /** TPR − FPR (Youden's J): 0 for a tool that flags at random, 1 for a perfect one. */
    public double score() {
        return tpr() - fpr();
    }

    /** TP / (TP + FP). */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** Harmonic mean of precision and TPR; 0 when both are 0. */
    public double f1() {
        double p = precision();
        double r = tpr();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(int num, int den) {
        return den == 0 ? 0 : (double) num / den;
    }
}
