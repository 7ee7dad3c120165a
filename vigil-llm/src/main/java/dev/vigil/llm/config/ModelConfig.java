package dev.vigil.llm.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named profiles plus, per stage, the order to fail over through them. A stage without its own list
 * uses every profile in the order the file declares them.
 *
 * @param source where the configuration came from ("vigil.yaml", "environment"), for messages
 */
public record ModelConfig(Map<String, ModelProfile> profiles, Map<Stage, List<String>> stages, String source) {

    public ModelConfig {
        profiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        Map<Stage, List<String>> copy = new EnumMap<>(Stage.class);
        stages.forEach((stage, names) -> copy.put(stage, List.copyOf(names)));
        stages = java.util.Collections.unmodifiableMap(copy);
        for (var entry : stages.entrySet()) {
            for (String name : entry.getValue()) {
                if (!profiles.containsKey(name)) {
                    throw new ConfigException(source + ": stage '" + entry.getKey().label()
                            + "' names unknown profile '" + name + "'");
                }
            }
        }
    }

    public static ModelConfig empty() {
        return new ModelConfig(Map.of(), Map.of(), "no configuration");
    }

    public boolean isEmpty() {
        return profiles.isEmpty();
    }

    public Optional<ModelProfile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /**
     * The profiles a stage fails over through, in order. {@code only}, when not null, restricts the
     * chain to that one profile (the {@code --profile} option).
     */
    public List<ModelProfile> chain(Stage stage, String only) {
        if (only != null) {
            ModelProfile p = profiles.get(only);
            if (p == null) {
                throw new ConfigException(source + ": no model profile named '" + only + "' (known: "
                        + String.join(", ", profiles.keySet()) + ")");
            }
            return List.of(p);
        }
        List<String> names = stages.get(stage);
        List<ModelProfile> chain = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            chain.addAll(profiles.values());
        } else {
            names.forEach(n -> chain.add(profiles.get(n)));
        }
        if (chain.isEmpty()) {
            throw new ConfigException("no model configured for " + stage.label() + ": add a 'models' section to"
                    + " vigil.yaml, pass --config FILE, or set VIGIL_MODEL_BASE_URL and VIGIL_MODEL");
        }
        return List.copyOf(chain);
    }
}
