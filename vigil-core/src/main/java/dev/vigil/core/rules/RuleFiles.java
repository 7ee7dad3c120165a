package dev.vigil.core.rules;

import dev.vigil.core.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads rule catalog entries from YAML resources. A module keeps one file per rule
 * ({@code id, name, cwe, severity, short, full, help, tags}) and an {@code index} resource listing
 * the files, one per line.
 */
public final class RuleFiles {

    private RuleFiles() {
    }

    /** Loads every rule listed in {@code directory + "/index"}, relative to {@code anchor}'s package root. */
    public static List<Rule> load(Class<?> anchor, String directory) {
        String index = read(anchor, directory + "/index");
        List<Rule> rules = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String path = directory + "/" + name;
            rules.add(parse(path, read(anchor, path)));
        }
        return rules;
    }

    /** Parses one rule document; errors name the resource. */
    public static Rule parse(String resourceName, String yaml) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(resourceName + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(resourceName + ": expected a mapping with id, cwe, severity");
        }
        String id = required(resourceName, map, "id");
        Object cwe = map.get("cwe");
        if (!(cwe instanceof Integer cweNumber)) {
            throw new IllegalArgumentException(resourceName + ": 'cwe' must be a number");
        }
        Severity severity;
        try {
            severity = Severity.parse(required(resourceName, map, "severity"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(resourceName + ": " + e.getMessage(), e);
        }
        List<String> tags = new ArrayList<>();
        if (map.get("tags") instanceof List<?> list) {
            list.forEach(t -> tags.add(String.valueOf(t)));
        }
        return new Rule(id, string(map, "name"), cweNumber, severity, string(map, "short"), string(map, "full"),
                string(map, "help"), tags);
    }

    private static String required(String resourceName, Map<?, ?> map, String key) {
        String value = string(map, key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(resourceName + ": missing '" + key + "'");
        }
        return value;
    }

    private static String string(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? null : String.valueOf(v).strip();
    }

    private static String read(Class<?> anchor, String path) {
        String absolute = path.startsWith("/") ? path : "/" + anchor.getPackageName().replace('.', '/') + "/" + path;
        try (InputStream in = anchor.getResourceAsStream(absolute)) {
            if (in == null) {
                throw new IllegalStateException("missing rule resource " + absolute);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule resource " + absolute, e);
        }
    }
}
