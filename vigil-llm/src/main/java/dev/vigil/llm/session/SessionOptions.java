package dev.vigil.llm.session;

import dev.vigil.llm.budget.Budget;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a {@link ModelSession} behaves for one run.
 *
 * @param env where API keys are read from (System.getenv() in the CLI)
 * @param cacheDir answer cache directory, or null for {@code --no-cache}
 * @param profileOverride {@code --profile NAME}: use only this profile, or null for the stage's chain
 * @param notices one-line messages for stderr (failover, cache write problems)
 */
public record SessionOptions(Map<String, String> env, Path cacheDir, Budget budget, boolean dryRun,
                             String profileOverride, RetryPolicy retry, Consumer<String> notices) {

    public SessionOptions {
        env = Map.copyOf(env);
        budget = budget == null ? Budget.unlimited() : budget;
        retry = retry == null ? RetryPolicy.defaults() : retry;
        notices = notices == null ? s -> { } : notices;
    }
}
