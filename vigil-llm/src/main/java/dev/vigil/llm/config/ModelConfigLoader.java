package dev.vigil.llm.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code models} section of {@code vigil.yaml} (or {@code --config FILE}), or builds a
 * one-profile configuration from {@code VIGIL_MODEL_BASE_URL}, {@code VIGIL_MODEL} and
 * {@code VIGIL_MODEL_API_KEY}. The YAML is composed into nodes rather than bound to objects so every
 * error can name the file and the line of the offending value.
 */
public final class ModelConfigLoader {

    public static final String FILE_NAME = "vigil.yaml";
    public static final String ENV_BASE_URL = "VIGIL_MODEL_BASE_URL";
    public static final String ENV_MODEL = "VIGIL_MODEL";
    public static final String ENV_API_KEY = "VIGIL_MODEL_API_KEY";
    public static final String ENV_PROVIDER = "VIGIL_MODEL_PROVIDER";

    private static final Set<String> PROFILE_KEYS = Set.of("provider", "base-url", "model", "api-key-env", "timeout",
            "max-concurrency", "context-window", "price", "structured-output", "max-retries");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    private ModelConfigLoader() {
    }

    /**
     * Loads the configuration: {@code explicitFile} when given (it must exist), else
     * {@code projectRoot/vigil.yaml} when it has a {@code models} section, else the environment.
     * Returns an empty configuration when none of them defines a model.
     */
    public static ModelConfig load(Path projectRoot, Path explicitFile, Map<String, String> env) {
        if (explicitFile != null) {
            return fromFile(explicitFile, env);
        }
        Path implicit = projectRoot.resolve(FILE_NAME);
        if (Files.isRegularFile(implicit)) {
            ModelConfig fromFile = fromFile(implicit, env);
            if (!fromFile.isEmpty()) {
                return fromFile;
            }
        }
        return fromEnvironment(env);
    }

    /** The one-profile setup ("env") from environment variables, or an empty configuration. */
    public static ModelConfig fromEnvironment(Map<String, String> env) {
        String baseUrl = blankToNull(env.get(ENV_BASE_URL));
        String model = blankToNull(env.get(ENV_MODEL));
        if (baseUrl == null && model == null) {
            return ModelConfig.empty();
        }
        if (baseUrl == null || model == null) {
            throw new ConfigException("environment: " + (baseUrl == null ? ENV_BASE_URL : ENV_MODEL)
                    + " must be set together with " + (baseUrl == null ? ENV_MODEL : ENV_BASE_URL));
        }
        Provider provider = Provider.OPENAI;
        if (blankToNull(env.get(ENV_PROVIDER)) != null) {
            try {
                provider = Provider.parse(env.get(ENV_PROVIDER));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("environment: " + ENV_PROVIDER + ": " + e.getMessage());
            }
        }
        URI uri;
        try {
            uri = parseUrl(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("environment: " + ENV_BASE_URL + ": " + e.getMessage());
        }
        ModelProfile profile = new ModelProfile("env", provider, uri, model,
                env.containsKey(ENV_API_KEY) ? ENV_API_KEY : null, null, ModelProfile.DEFAULT_CONCURRENCY,
                ModelProfile.DEFAULT_CONTEXT_WINDOW, 0, 0, StructuredOutput.JSON_SCHEMA, ModelProfile.DEFAULT_RETRIES);
        return new ModelConfig(Map.of("env", profile), Map.of(), "environment");
    }

    static ModelConfig fromFile(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read configuration: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses YAML text; {@code name} is used in error messages. */
    public static ModelConfig parse(String name, String text) {
        Node root;
        try (Reader reader = new java.io.StringReader(text)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new ConfigException(name + ":" + line + ": malformed YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new ConfigException(name + ": malformed YAML: " + e.getMessage());
        }
        if (root == null) {
            return new ModelConfig(Map.of(), Map.of(), name);
        }
        MappingNode top = mapping(name, root, "the top level");
        Node models = get(top, "models");
        if (models == null) {
            return new ModelConfig(Map.of(), Map.of(), name);
        }
        MappingNode modelsMap = mapping(name, models, "'models'");
        Map<String, ModelProfile> profiles = new LinkedHashMap<>();
        Node profilesNode = get(modelsMap, "profiles");
        if (profilesNode != null) {
            for (NodeTuple t : mapping(name, profilesNode, "'profiles'").getValue()) {
                String profileName = scalar(name, t.getKeyNode(), "a profile name");
                profiles.put(profileName, profile(name, profileName, t.getValueNode()));
            }
        }
        Map<Stage, List<String>> stages = new EnumMap<>(Stage.class);
        Node stagesNode = get(modelsMap, "stages");
        if (stagesNode != null) {
            for (NodeTuple t : mapping(name, stagesNode, "'stages'").getValue()) {
                Stage stage;
                try {
                    stage = Stage.parse(scalar(name, t.getKeyNode(), "a stage name"));
                } catch (IllegalArgumentException e) {
                    throw error(name, t.getKeyNode(), e.getMessage());
                }
                List<String> names = new ArrayList<>();
                Node value = t.getValueNode();
                List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
                for (Node item : items) {
                    String profileName = scalar(name, item, "a profile name");
                    if (!profiles.containsKey(profileName)) {
                        throw error(name, item, "stage '" + stage.label() + "' names unknown profile '"
                                + profileName + "' (known: " + String.join(", ", profiles.keySet()) + ")");
                    }
                    names.add(profileName);
                }
                stages.put(stage, names);
            }
        }
        for (NodeTuple t : modelsMap.getValue()) {
            String key = scalar(name, t.getKeyNode(), "a key");
            if (!key.equals("profiles") && !key.equals("stages")) {
                throw error(name, t.getKeyNode(), "unknown key 'models." + key + "' (expected profiles, stages)");
            }
        }
        return new ModelConfig(profiles, stages, name);
    }

    private static ModelProfile profile(String file, String profileName, Node node) {
        MappingNode map = mapping(file, node, "profile '" + profileName + "'");
        for (NodeTuple t : map.getValue()) {
            String key = scalar(file, t.getKeyNode(), "a key");
            if (key.equals("api-key") || key.equals("key")) {
                // Refuse rather than ignore: a key in a committed file is a leak the user must fix.
                throw error(file, t.getKeyNode(), "keys do not belong in the file; name the environment"
                        + " variable that holds it with api-key-env");
            }
            if (!PROFILE_KEYS.contains(key)) {
                throw error(file, t.getKeyNode(), "unknown key '" + key + "' in profile '" + profileName
                        + "' (expected one of: " + String.join(", ", PROFILE_KEYS.stream().sorted().toList()) + ")");
            }
        }
        try {
            Provider provider = Provider.OPENAI;
            Node providerNode = get(map, "provider");
            if (providerNode != null) {
                provider = withLine(file, providerNode, () -> Provider.parse(scalar(file, providerNode, "a provider")));
            }
            Node urlNode = require(file, map, "base-url", profileName);
            URI baseUrl = withLine(file, urlNode, () -> parseUrl(scalar(file, urlNode, "a URL")));
            String model = scalar(file, require(file, map, "model", profileName), "a model name");
            String keyEnv = optionalScalar(file, map, "api-key-env");
            Duration timeout = null;
            Node timeoutNode = get(map, "timeout");
            if (timeoutNode != null) {
                timeout = withLine(file, timeoutNode, () -> parseDuration(scalar(file, timeoutNode, "a duration")));
            }
            int concurrency = intValue(file, map, "max-concurrency", ModelProfile.DEFAULT_CONCURRENCY);
            int contextWindow = intValue(file, map, "context-window", ModelProfile.DEFAULT_CONTEXT_WINDOW);
            int retries = intValue(file, map, "max-retries", ModelProfile.DEFAULT_RETRIES);
            double inPrice = 0;
            double outPrice = 0;
            Node price = get(map, "price");
            if (price != null) {
                MappingNode priceMap = mapping(file, price, "'price'");
                for (NodeTuple t : priceMap.getValue()) {
                    String k = scalar(file, t.getKeyNode(), "a key");
                    if (!k.equals("input") && !k.equals("output")) {
                        throw error(file, t.getKeyNode(), "unknown key 'price." + k
                                + "' (expected input, output: USD per million tokens)");
                    }
                }
                inPrice = doubleValue(file, priceMap, "input");
                outPrice = doubleValue(file, priceMap, "output");
            }
            StructuredOutput structured = StructuredOutput.JSON_SCHEMA;
            Node so = get(map, "structured-output");
            if (so != null) {
                structured = withLine(file, so, () -> StructuredOutput.parse(scalar(file, so, "a mode")));
            }
            return new ModelProfile(profileName, provider, baseUrl, model, keyEnv, timeout, concurrency, contextWindow,
                    inPrice, outPrice, structured, retries);
        } catch (IllegalArgumentException e) {
            throw error(file, node, "profile '" + profileName + "': " + e.getMessage());
        }
    }

    static URI parseUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("base-url must be an http(s) URL with a host: '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base-url is not a URL: '" + text + "'");
        }
    }

    /** "90s", "2m", "500ms" or a bare number of seconds. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 90s, 2m, 500ms)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("timeout must be greater than zero");
        }
        return d;
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T withLine(String file, Node node, Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw error(file, node, e.getMessage());
        }
    }

    private static Node require(String file, MappingNode map, String key, String profileName) {
        Node n = get(map, key);
        if (n == null) {
            throw error(file, map, "profile '" + profileName + "' lacks '" + key + "'");
        }
        return n;
    }

    private static String optionalScalar(String file, MappingNode map, String key) {
        Node n = get(map, key);
        return n == null ? null : blankToNull(scalar(file, n, "a string"));
    }

    private static int intValue(String file, MappingNode map, String key, int fallback) {
        Node n = get(map, key);
        if (n == null) {
            return fallback;
        }
        String s = scalar(file, n, "a number");
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw error(file, n, "'" + key + "' must be a whole number, not '" + s + "'");
        }
    }

    private static double doubleValue(String file, MappingNode map, String key) {
        Node n = get(map, key);
        if (n == null) {
            return 0;
        }
        String s = scalar(file, n, "a number");
        try {
            double d = Double.parseDouble(s.trim());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw error(file, n, "'price." + key + "' must be a non-negative number (USD per million tokens), not '"
                    + s + "'");
        }
    }

    private static Node get(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static MappingNode mapping(String file, Node node, String what) {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw error(file, node, what + " must be a mapping (key: value lines)");
    }

    private static String scalar(String file, Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(file, node, "expected " + what + " here, found a " + (node instanceof MappingNode ? "mapping" : "list"));
    }

    private static ConfigException error(String file, Node node, String message) {
        return new ConfigException(file + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
