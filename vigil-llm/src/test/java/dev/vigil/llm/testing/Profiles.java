package dev.vigil.llm.testing;

import dev.vigil.llm.config.ModelConfig;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Provider;
import dev.vigil.llm.config.StructuredOutput;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Profiles pointing at a scripted server, for tests. */
public final class Profiles {

    private Profiles() {
    }

    public static ModelProfile openAi(String name, ScriptedModelServer server, String keyEnv) {
        return new ModelProfile(name, Provider.OPENAI, URI.create(server.baseUrl()), "model-" + name, keyEnv,
                Duration.ofSeconds(5), 2, 8192, 1.0, 2.0, StructuredOutput.JSON_SCHEMA, 2);
    }

    public static ModelProfile anthropic(String name, ScriptedModelServer server, String keyEnv) {
        return new ModelProfile(name, Provider.ANTHROPIC, URI.create(server.root()), "claude-" + name, keyEnv,
                Duration.ofSeconds(5), 2, 8192, 3.0, 15.0, StructuredOutput.JSON_SCHEMA, 2);
    }

    public static ModelProfile withTimeout(ModelProfile p, Duration timeout, int retries) {
        return new ModelProfile(p.name(), p.provider(), p.baseUrl(), p.model(), p.apiKeyEnv(), timeout,
                p.maxConcurrency(), p.contextWindow(), p.inputPricePerMillion(), p.outputPricePerMillion(),
                p.structuredOutput(), retries);
    }

    public static ModelProfile withConcurrency(ModelProfile p, int concurrency) {
        return new ModelProfile(p.name(), p.provider(), p.baseUrl(), p.model(), p.apiKeyEnv(), p.timeout(),
                concurrency, p.contextWindow(), p.inputPricePerMillion(), p.outputPricePerMillion(),
                p.structuredOutput(), p.maxRetries());
    }

    public static ModelConfig config(ModelProfile... chain) {
        Map<String, ModelProfile> m = new LinkedHashMap<>();
        for (ModelProfile p : chain) {
            m.put(p.name(), p);
        }
        return new ModelConfig(m, Map.of(), "test");
    }
}
