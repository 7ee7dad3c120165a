package dev.vigil.java.constants;

import dev.vigil.core.scan.Notification;
import dev.vigil.core.source.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The keys and values of every {@code .properties} file of the project, merged into one map: the
 * scanner cannot know which file a {@code Properties} object or a Spring placeholder reads, so a key
 * is resolved only when every file that defines it agrees on the value.
 */
public final class ProjectProperties {

    /** What the project's files say about one key. */
    public sealed interface Lookup {
        /** No file defines the key: the code's default value is what runs. */
        record Absent() implements Lookup {
        }

        /** Every file that defines the key gives this value. */
        record Defined(String value) implements Lookup {
        }

        /** Files disagree: the value depends on which one is loaded. */
        record Conflicting(Set<String> values) implements Lookup {
        }
    }

    private static final ProjectProperties EMPTY = new ProjectProperties(Map.of(), List.of());

    private final Map<String, Set<String>> values;
    private final List<Notification> notifications;

    private ProjectProperties(Map<String, Set<String>> values, List<Notification> notifications) {
        this.values = values;
        this.notifications = List.copyOf(notifications);
    }

    public static ProjectProperties empty() {
        return EMPTY;
    }

    /** Reads the files; one that cannot be read becomes a notification and is skipped. */
    public static ProjectProperties of(List<SourceFile> files) {
        Map<String, Set<String>> values = new HashMap<>();
        List<Notification> notes = new ArrayList<>();
        for (SourceFile f : files) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(f.text()));
            } catch (IOException | IllegalArgumentException e) {
                // Properties.load rejects malformed \\uXXXX escapes with IllegalArgumentException.
                notes.add(Notification.warning(f.relativePath(),
                        "cannot read properties file, its values are not used to resolve constants: "
                                + e.getMessage()));
                continue;
            }
            for (String key : p.stringPropertyNames()) {
                values.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(p.getProperty(key).strip());
            }
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        values.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
        return new ProjectProperties(Map.copyOf(frozen), notes);
    }

    public Lookup lookup(String key) {
        Set<String> v = values.get(key);
        if (v == null) {
            return new Lookup.Absent();
        }
        return v.size() == 1 ? new Lookup.Defined(v.iterator().next()) : new Lookup.Conflicting(v);
    }

    /**
     * The value a property read yields: the agreed value, the default when no file has the key, and
     * unknown when the files disagree or there is no default.
     */
    public ValueSet resolve(String key, ValueSet defaultValue) {
        return switch (lookup(key)) {
            case Lookup.Defined d -> ValueSet.of(d.value());
            case Lookup.Absent a -> defaultValue == null ? ValueSet.unknown() : defaultValue;
            case Lookup.Conflicting c -> ValueSet.unknown();
        };
    }

    /**
     * Resolves a Spring placeholder {@code ${key}} or {@code ${key:default}}; anything else (SpEL,
     * nested placeholders, text around the placeholder) is unknown.
     */
    public ValueSet resolvePlaceholder(String expression) {
        String e = expression.strip();
        if (!e.startsWith("${") || !e.endsWith("}") || e.indexOf("${", 2) >= 0) {
            return ValueSet.unknown();
        }
        String body = e.substring(2, e.length() - 1);
        int colon = body.indexOf(':');
        String key = colon < 0 ? body : body.substring(0, colon);
        ValueSet def = colon < 0 ? null : ValueSet.of(body.substring(colon + 1));
        return resolve(key.strip(), def);
    }

    /** Every key whose files agree on one value, with that value (conflicting keys are left out). */
    public Map<String, String> agreedValues() {
        Map<String, String> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (v.size() == 1) {
                out.put(k, v.iterator().next());
            }
        });
        return Map.copyOf(out);
    }

    public List<Notification> notifications() {
        return notifications;
    }
}
