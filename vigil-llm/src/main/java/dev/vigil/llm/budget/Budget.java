package dev.vigil.llm.budget;

/**
 * The {@code --max-tokens} / {@code --max-cost} limits of one run. A request is sent only while the
 * tokens and cost already spent, plus what requests in flight were estimated to need, plus this
 * request's estimated input, stay within the limits. Once one request is refused the budget stays
 * exhausted, so a run stops cleanly instead of squeezing small requests in afterwards. Output tokens
 * cannot be known before the answer, so a run can overshoot by the output of the requests in flight.
 */
public final class Budget {

    private final long maxTokens;
    private final double maxCost;
    private long spentTokens;
    private double spentCost;
    private long reservedTokens;
    private double reservedCost;
    private boolean exhausted;

    /**
     * @param maxTokens 0 for no token limit
     * @param maxCost USD; 0 for no cost limit
     */
    public Budget(long maxTokens, double maxCost) {
        if (maxTokens < 0 || maxCost < 0 || Double.isNaN(maxCost)) {
            throw new IllegalArgumentException("budgets must be >= 0");
        }
        this.maxTokens = maxTokens;
        this.maxCost = maxCost;
    }

    public static Budget unlimited() {
        return new Budget(0, 0);
    }

    /** Reserves room for a request; false (and exhausted from now on) when it does not fit. */
    public synchronized boolean tryReserve(long tokens, double cost) {
        if (exhausted) {
            return false;
        }
        boolean tokensOk = maxTokens == 0 || spentTokens + reservedTokens + tokens <= maxTokens;
        boolean costOk = maxCost == 0 || spentCost + reservedCost + cost <= maxCost;
        if (!tokensOk || !costOk) {
            exhausted = true;
            return false;
        }
        reservedTokens += tokens;
        reservedCost += cost;
        return true;
    }

    /** Replaces a reservation by what the request really cost. */
    public synchronized void settle(long reservedTokens, double reservedCost, long tokens, double cost) {
        release(reservedTokens, reservedCost);
        spentTokens += tokens;
        spentCost += cost;
    }

    /** Gives a reservation back (the request failed before any usage). */
    public synchronized void release(long tokens, double cost) {
        this.reservedTokens -= tokens;
        this.reservedCost -= cost;
    }

    public synchronized boolean exhausted() {
        return exhausted;
    }

    public synchronized long spentTokens() {
        return spentTokens;
    }

    public synchronized double spentCost() {
        return spentCost;
    }

    public long maxTokens() {
        return maxTokens;
    }

    public double maxCost() {
        return maxCost;
    }

    /** "50000 tokens" / "$0.25" / both, for messages. */
    public String describeLimits() {
        StringBuilder sb = new StringBuilder();
        if (maxTokens > 0) {
            sb.append(maxTokens).append(" tokens");
        }
        if (maxCost > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "$%.4f", maxCost));
        }
        return sb.isEmpty() ? "unlimited" : sb.toString();
    }
}
