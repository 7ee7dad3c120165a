package dev.vigil.llm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigLoaderTest {

    private static final String FULL = """
            scan:
              exclude: [build]
            models:
              profiles:
                local:
                  provider: openai
                  base-url: http://127.0.0.1:8000/v1
                  model: qwen2.5-coder-32b
                  timeout: 90s
                  max-concurrency: 8
                  context-window: 65536
                  structured-output: json-instructions
                hosted:
                  provider: anthropic
                  base-url: https://api.anthropic.com
                  model: claude-sonnet
                  api-key-env: ANTHROPIC_API_KEY
                  price: {input: 3, output: 15}
                  max-retries: 1
              stages:
                triage: [local, hosted]
                audit: hosted
            """;

    @Test
    void readsProfilesAndStageOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vigil.yaml"), FULL);
        ModelConfig config = ModelConfigLoader.load(dir, null, Map.of());

        ModelProfile local = config.profile("local").orElseThrow();
        assertEquals(Provider.OPENAI, local.provider());
        assertEquals(Duration.ofSeconds(90), local.timeout());
        assertEquals(8, local.maxConcurrency());
        assertEquals(65536, local.contextWindow());
        assertEquals(StructuredOutput.JSON_INSTRUCTIONS, local.structuredOutput());
        assertNull(local.apiKeyEnv());

        ModelProfile hosted = config.profile("hosted").orElseThrow();
        assertEquals(Provider.ANTHROPIC, hosted.provider());
        assertEquals("ANTHROPIC_API_KEY", hosted.apiKeyEnv());
        assertEquals(1, hosted.maxRetries());
        assertEquals(3.0 + 15.0, hosted.cost(1_000_000, 1_000_000), 1e-9);

        assertEquals(List.of("local", "hosted"), config.chain(Stage.TRIAGE, null).stream().map(ModelProfile::name).toList());
        assertEquals(List.of("hosted"), config.chain(Stage.AUDIT, null).stream().map(ModelProfile::name).toList());
        // A stage without a list uses every profile in file order.
        assertEquals(List.of("local", "hosted"), config.chain(Stage.SPECS, null).stream().map(ModelProfile::name).toList());
        assertEquals(List.of("hosted"), config.chain(Stage.TRIAGE, "hosted").stream().map(ModelProfile::name).toList());
        ConfigException unknown = assertThrows(ConfigException.class, () -> config.chain(Stage.TRIAGE, "nope"));
        assertTrue(unknown.getMessage().contains("no model profile named 'nope'"), unknown.getMessage());
    }

    @Test
    void malformedYamlNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("custom.yaml");
        Files.writeString(f, "models:\n  profiles:\n    a: [unclosed\n    b: 1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ModelConfigLoader.load(dir, f, Map.of()));
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void semanticErrorsNameTheLineOfTheValue() {
        String yaml = """
                models:
                  profiles:
                    p:
                      provider: openai
                      base-url: http://localhost:1/v1
                      model: m
                      timeout: soon
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ModelConfigLoader.parse("vigil.yaml", yaml));
        assertTrue(e.getMessage().startsWith("vigil.yaml:7: "), e.getMessage());
        assertTrue(e.getMessage().contains("not a duration"), e.getMessage());

        ConfigException provider = assertThrows(ConfigException.class, () -> ModelConfigLoader.parse("vigil.yaml",
                yaml.replace("provider: openai", "provider: gemini").replace("timeout: soon", "timeout: 5s")));
        assertTrue(provider.getMessage().startsWith("vigil.yaml:4: unknown provider 'gemini'"), provider.getMessage());

        ConfigException key = assertThrows(ConfigException.class, () -> ModelConfigLoader.parse("vigil.yaml",
                yaml.replace("timeout: soon", "api-key: sk-secret-value")));
        assertTrue(key.getMessage().startsWith("vigil.yaml:7: keys do not belong in the file"), key.getMessage());
        assertTrue(!key.getMessage().contains("sk-secret-value"));

        ConfigException missing = assertThrows(ConfigException.class, () -> ModelConfigLoader.parse("vigil.yaml",
                yaml.replace("      model: m\n", "").replace("timeout: soon", "timeout: 5s")));
        assertTrue(missing.getMessage().contains("lacks 'model'"), missing.getMessage());

        ConfigException stage = assertThrows(ConfigException.class, () -> ModelConfigLoader.parse("vigil.yaml",
                yaml.replace("timeout: soon", "timeout: 5s") + "  stages:\n    triage: [p, ghost]\n"));
        assertTrue(stage.getMessage().startsWith("vigil.yaml:9: stage 'triage' names unknown profile 'ghost'"),
                stage.getMessage());

        ConfigException url = assertThrows(ConfigException.class, () -> ModelConfigLoader.parse("vigil.yaml",
                yaml.replace("http://localhost:1/v1", "localhost:1").replace("timeout: soon", "timeout: 5s")));
        assertTrue(url.getMessage().startsWith("vigil.yaml:5: base-url must be an http(s) URL"), url.getMessage());
    }

    @Test
    void environmentDefinesOneProfile(@TempDir Path dir) {
        ModelConfig config = ModelConfigLoader.load(dir, null, Map.of(
                "VIGIL_MODEL_BASE_URL", "http://127.0.0.1:11434/v1", "VIGIL_MODEL", "llama3", "VIGIL_MODEL_API_KEY", "k"));
        ModelProfile p = config.chain(Stage.TRIAGE, null).get(0);
        assertEquals("env", p.name());
        assertEquals("llama3", p.model());
        assertEquals("VIGIL_MODEL_API_KEY", p.apiKeyEnv());
        assertTrue(!p.toString().contains("=k,") && !p.toString().contains("=k]"), "the key value is not in the profile");

        ConfigException half = assertThrows(ConfigException.class,
                () -> ModelConfigLoader.load(dir, null, Map.of("VIGIL_MODEL", "llama3")));
        assertTrue(half.getMessage().contains("VIGIL_MODEL_BASE_URL must be set together with VIGIL_MODEL"));

        assertTrue(ModelConfigLoader.load(dir, null, Map.of()).isEmpty());
        ConfigException none = assertThrows(ConfigException.class,
                () -> ModelConfigLoader.load(dir, null, Map.of()).chain(Stage.TRIAGE, null));
        assertTrue(none.getMessage().contains("no model configured for triage"), none.getMessage());
    }

    @Test
    void fileWinsOverEnvironmentAndMissingExplicitFileIsAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vigil.yaml"), FULL);
        ModelConfig config = ModelConfigLoader.load(dir, null,
                Map.of("VIGIL_MODEL_BASE_URL", "http://127.0.0.1:1/v1", "VIGIL_MODEL", "x"));
        assertEquals("local", config.chain(Stage.TRIAGE, null).get(0).name());

        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ModelConfigLoader.load(dir, missing, Map.of()));
        assertEquals(missing + ": configuration file not found", e.getMessage());
    }
}
