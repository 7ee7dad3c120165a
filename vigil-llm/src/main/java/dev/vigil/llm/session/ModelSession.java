package dev.vigil.llm.session;

import dev.vigil.llm.budget.Budget;
import dev.vigil.llm.budget.TokenEstimator;
import dev.vigil.llm.budget.UsageLedger;
import dev.vigil.llm.cache.ResponseCache;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ChatResponse;
import dev.vigil.llm.client.ModelCallException;
import dev.vigil.llm.client.ModelClient;
import dev.vigil.llm.client.Usage;
import dev.vigil.llm.config.ModelConfig;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Stage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * Everything between a feature (triage, specs, audit) and the wire for one run: the answer cache, the
 * budget, token accounting, retries with backoff, per-profile concurrency limits and failover through
 * a stage's profiles. Thread-safe; features call {@link #complete} from many virtual threads.
 *
 * <p>Failover is sticky for the run: a profile that refused (401/403, model not found, region blocked)
 * or kept failing is not tried again, so a thousand findings do not each wait out the same outage.
 */
public final class ModelSession {

    private final ModelConfig config;
    private final SessionOptions options;
    private final ResponseCache cache;
    private final UsageLedger ledger = new UsageLedger();
    private final Map<String, ModelClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    /** Profiles out of the game, with the reason, in the order they failed. */
    private final Map<String, String> failed = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    public ModelSession(ModelConfig config, SessionOptions options) {
        this.config = config;
        this.options = options;
        this.cache = options.cacheDir() == null ? null : new ResponseCache(options.cacheDir());
    }

    public UsageLedger ledger() {
        return ledger;
    }

    public Budget budget() {
        return options.budget();
    }

    public boolean dryRun() {
        return options.dryRun();
    }

    /** The profiles this stage will try, in order (after {@code --profile}). */
    public List<ModelProfile> chain(Stage stage) {
        return config.chain(stage, options.profileOverride());
    }

    /**
     * Answers one request: from the cache when possible, else from the first working profile of the
     * stage. The answer is cached only when {@code cacheable} accepts it, so an answer that fails
     * validation is asked for again next run rather than replayed.
     *
     * @throws AllProfilesFailedException when no profile of the stage could answer
     */
    public Outcome complete(Stage stage, ChatRequest request, Predicate<ChatResponse> cacheable)
            throws AllProfilesFailedException {
        List<ModelProfile> chain = chain(stage);
        if (cache != null) {
            for (ModelProfile p : chain) {
                Optional<ChatResponse> hit = cache.get(ResponseCache.key(p, request));
                if (hit.isPresent() && cacheable.test(hit.get())) {
                    ledger.recordCacheHit(stage, p);
                    return new Outcome.Answered(hit.get(), p, true);
                }
            }
        }
        long estimatedInput = TokenEstimator.estimateInput(request);
        ModelProfile first = firstLive(chain).orElse(chain.get(0));
        if (options.dryRun()) {
            ledger.recordRequest(stage, first, new Usage(estimatedInput, request.maxOutputTokens(), true));
            return new Outcome.NotSent(estimatedInput, request.maxOutputTokens());
        }
        double estimatedCost = first.cost(estimatedInput, 0);
        if (!options.budget().tryReserve(estimatedInput, estimatedCost)) {
            return new Outcome.BudgetExhausted(options.budget().describeLimits());
        }
        boolean settled = false;
        try {
            for (int i = 0; i < chain.size(); i++) {
                ModelProfile p = chain.get(i);
                if (failed.containsKey(p.name())) {
                    continue;
                }
                Optional<ChatResponse> answer = tryProfile(p, request, chain, i);
                if (answer.isPresent()) {
                    ChatResponse r = answer.get();
                    ledger.recordRequest(stage, p, r.usage());
                    options.budget().settle(estimatedInput, estimatedCost, r.usage().total(),
                            p.cost(r.usage().inputTokens(), r.usage().outputTokens()));
                    settled = true;
                    if (cache != null && cacheable.test(r)) {
                        cache.put(ResponseCache.key(p, request), p, r).ifPresent(options.notices());
                    }
                    return new Outcome.Answered(r, p, false);
                }
            }
        } finally {
            if (!settled) {
                options.budget().release(estimatedInput, estimatedCost);
            }
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ModelProfile p : chain) {
            reasons.put(p.name(), failed.getOrDefault(p.name(), "not tried"));
        }
        throw new AllProfilesFailedException(stage.label(), reasons);
    }

    private Optional<ModelProfile> firstLive(List<ModelProfile> chain) {
        return chain.stream().filter(p -> !failed.containsKey(p.name())).findFirst();
    }

    /** Up to 1 + max-retries attempts on one profile; empty when the profile is now marked failed. */
    private Optional<ChatResponse> tryProfile(ModelProfile p, ChatRequest request, List<ModelProfile> chain, int index) {
        ModelClient client = clients.computeIfAbsent(p.name(), n -> {
            String key = p.apiKeyEnv() == null ? null : options.env().get(p.apiKeyEnv());
            if (p.apiKeyEnv() != null && (key == null || key.isBlank())) {
                options.notices().accept("model profile '" + p.name() + "' names api-key-env " + p.apiKeyEnv()
                        + ", which is not set; sending requests without a key");
            }
            return ModelClient.forProfile(p, options.env());
        });
        Semaphore limit = permits.computeIfAbsent(p.name(), n -> new Semaphore(p.maxConcurrency(), true));
        for (int attempt = 0; ; attempt++) {
            if (failed.containsKey(p.name())) {
                return Optional.empty();
            }
            ModelCallException error;
            try {
                limit.acquire();
                try {
                    return Optional.of(client.send(request));
                } finally {
                    limit.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                markFailed(p, "interrupted", chain, index);
                return Optional.empty();
            } catch (ModelCallException e) {
                error = e;
            }
            if (error.kind() != ModelCallException.Kind.TRANSIENT) {
                markFailed(p, error.getMessage(), chain, index);
                return Optional.empty();
            }
            if (attempt >= p.maxRetries()) {
                markFailed(p, error.getMessage() + (attempt > 0 ? " (after " + (attempt + 1) + " attempts)" : ""),
                        chain, index);
                return Optional.empty();
            }
            Duration delay = error.retryAfter() != null ? error.retryAfter() : options.retry().backoff(attempt);
            if (delay.compareTo(options.retry().maxRetryAfter()) > 0) {
                markFailed(p, error.getMessage() + " (asked to retry after " + delay.toSeconds() + " s)", chain, index);
                return Optional.empty();
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                markFailed(p, "interrupted", chain, index);
                return Optional.empty();
            }
        }
    }

    private void markFailed(ModelProfile p, String reason, List<ModelProfile> chain, int index) {
        if (failed.putIfAbsent(p.name(), reason) != null) {
            return;
        }
        for (int j = index + 1; j < chain.size(); j++) {
            ModelProfile next = chain.get(j);
            if (!failed.containsKey(next.name())) {
                options.notices().accept("model profile '" + next.name() + "' took over from '" + p.name() + "': "
                        + reason);
                return;
            }
        }
    }

    /** Profiles that failed during this run, with their reasons, in order. */
    public Map<String, String> failures() {
        synchronized (failed) {
            return Map.copyOf(failed);
        }
    }
}
