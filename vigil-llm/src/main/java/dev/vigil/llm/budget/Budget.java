package dev.vigil.llm.budget;

/**
 * The {@code --max-tokens} / {@code --max-cost} limits of one run. A request is sent while the tokens
 * and cost spent so far, plus the estimates of requests still in flight, are below the limits; once
 * what was really spent reaches a limit, nothing more is sent and the budget stays exhausted, so the
 * run finishes cleanly with what it has. When only requests in flight fill the budget, a new request
 * waits for them to finish rather than giving up on an estimate. Usage is known only after an answer,
 * so a run can exceed a limit by the requests admitted last.
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

    /**
     * Reserves room for a request, waiting while requests in flight fill the budget; false (and
     * exhausted from now on) once the spent tokens or cost reach a limit.
     */
    public synchronized boolean tryReserve(long tokens, double cost) {
        while (true) {
            if (exhausted) {
                return false;
            }
            if (maxTokens > 0 && spentTokens >= maxTokens || maxCost > 0 && spentCost >= maxCost) {
                exhausted = true;
                notifyAll();
                return false;
            }
            boolean tokensFree = maxTokens == 0 || spentTokens + reservedTokens < maxTokens;
            boolean costFree = maxCost == 0 || spentCost + reservedCost < maxCost;
            if (tokensFree && costFree || reservedTokens == 0 && reservedCost == 0) {
                reservedTokens += tokens;
                reservedCost += cost;
                return true;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
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
        notifyAll();
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
