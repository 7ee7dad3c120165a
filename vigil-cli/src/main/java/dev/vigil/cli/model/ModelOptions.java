package dev.vigil.cli.model;

import dev.vigil.cli.UsageException;
import dev.vigil.llm.budget.Budget;
import dev.vigil.llm.config.ConfigException;
import dev.vigil.llm.config.ModelConfig;
import dev.vigil.llm.config.ModelConfigLoader;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.session.SessionOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every model-using command shares ({@code vigil triage}, and {@code vigil scan --triage}
 * through {@code @Mixin ModelOptions}). Turns them into a {@link ModelSession}.
 */
public final class ModelOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Model configuration file (default: vigil.yaml in the project root, else the VIGIL_MODEL_* environment variables).")
    Path config;

    @Option(names = "--profile", paramLabel = "NAME", description = "Use only this model profile instead of the stage's failover list.")
    String profile;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Stop sending requests once N tokens (input + output) are spent.")
    long maxTokens;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Stop sending requests once this much money is spent (profile prices).")
    double maxCost;

    @Option(names = "--dry-run", description = "Count the requests, tokens and cost the run would need; send nothing.")
    boolean dryRun;

    @Option(names = "--no-cache", description = "Neither read nor write the answer cache (.vigil/cache in the project).")
    boolean noCache;

    /** Loads the configuration for a project root; a bad file is a usage error naming the file and line. */
    public ModelConfig loadConfig(Path projectRoot, Map<String, String> env) {
        try {
            return ModelConfigLoader.load(projectRoot, config, env);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** A session for one run; notices (failover, cache trouble) go to {@code err} prefixed with "vigil: ". */
    public ModelSession openSession(ModelConfig modelConfig, Path projectRoot, Map<String, String> env, PrintWriter err) {
        if (maxTokens < 0) {
            throw new UsageException("--max-tokens must be >= 0");
        }
        if (maxCost < 0 || Double.isNaN(maxCost)) {
            throw new UsageException("--max-cost must be >= 0");
        }
        if (modelConfig.isEmpty()) {
            throw new UsageException("no model configured: add a 'models' section to vigil.yaml, pass --config FILE,"
                    + " or set VIGIL_MODEL_BASE_URL and VIGIL_MODEL (see docs/models.md)");
        }
        if (profile != null && modelConfig.profile(profile).isEmpty()) {
            throw new UsageException("no model profile named '" + profile + "' in " + modelConfig.source()
                    + " (known: " + String.join(", ", modelConfig.profiles().keySet()) + ")");
        }
        Path cacheDir = noCache ? null : projectRoot.resolve(".vigil").resolve("cache");
        SessionOptions options = new SessionOptions(env, cacheDir, new Budget(maxTokens, maxCost), dryRun, profile, null,
                line -> {
                    synchronized (err) {
                        err.println("vigil: " + line);
                        err.flush();
                    }
                });
        return new ModelSession(modelConfig, options);
    }

    /** Uses only this profile, as {@code --profile NAME} would (for a command's own spelling of it). */
    public void preferProfile(String name) {
        if (profile != null && !profile.equals(name)) {
            throw new UsageException("--profile " + profile + " and the profile " + name + " contradict each other");
        }
        profile = name;
    }

    public boolean dryRun() {
        return dryRun;
    }
}
