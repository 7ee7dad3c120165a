package dev.vigil.core.models;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads models-as-data YAML files. The top level has up to six sections — {@code sources},
 * {@code parameterSources}, {@code sinks}, {@code sanitizers}, {@code summaries}, {@code types} — each a
 * list of rows. A row may name several methods at once with {@code methods: [a, b]}. Every problem is
 * reported as "file:line: what is wrong" and the whole file is rejected, so a typo never silently
 * disables a model.
 */
public final class ModelLoader {

    private static final Pattern POSITION = Pattern.compile("(this|return|args|arg\\d+)(\\.\\[\\])?");
    private static final Set<String> SECTIONS =
            Set.of("sources", "parameterSources", "sinks", "sanitizers", "summaries", "types");

    private ModelLoader() {
    }

    /** Thrown for a malformed model file; the message names the file and line. */
    public static final class ModelException extends RuntimeException {
        public ModelException(String message) {
            super(message);
        }
    }

    public static List<ModelRow> load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read model file: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses one model file; {@code name} is used in messages and row origins. */
    public static List<ModelRow> parse(String name, String yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException e) {
            throw new ModelException(name + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        List<ModelRow> rows = new ArrayList<>();
        if (root == null) {
            return rows;
        }
        if (!(root instanceof MappingNode top)) {
            throw error(name, root, "expected a mapping with sections " + SECTIONS);
        }
        for (NodeTuple section : top.getValue()) {
            String key = scalar(name, section.getKeyNode());
            if (!SECTIONS.contains(key)) {
                throw error(name, section.getKeyNode(), "unknown section '" + key + "' (expected one of " + SECTIONS + ")");
            }
            if (!(section.getValueNode() instanceof SequenceNode list)) {
                throw error(name, section.getValueNode(), "section '" + key + "' must be a list of rows");
            }
            for (Node item : list.getValue()) {
                if (!(item instanceof MappingNode row)) {
                    throw error(name, item, "a row must be a mapping");
                }
                rows.addAll(row(name, key, row));
            }
        }
        return rows;
    }

    private static List<ModelRow> row(String file, String section, MappingNode node) {
        Fields f = new Fields(file, node);
        String origin = file + ":" + (node.getStartMark().getLine() + 1);
        List<ModelRow> out = new ArrayList<>();
        switch (section) {
            case "parameterSources" -> {
                f.allow("annotation", "methodAnnotation", "classAnnotation", "methodPattern", "parameterType", "kind",
                        "label");
                String annotation = f.optional("annotation", "");
                String methodAnnotation = f.optional("methodAnnotation", "");
                String methodPattern = f.optional("methodPattern", "");
                if (annotation.isEmpty() && methodAnnotation.isEmpty() && methodPattern.isEmpty()) {
                    throw error(file, node, "a parameter source needs 'annotation', 'methodAnnotation' or 'methodPattern'");
                }
                if (!methodPattern.isEmpty()) {
                    try {
                        Pattern.compile(methodPattern);
                    } catch (RuntimeException e) {
                        throw error(file, node, "'methodPattern' is not a regular expression: " + e.getMessage());
                    }
                }
                out.add(new ModelRow.ParameterSource(annotation, methodAnnotation, f.optional("classAnnotation", ""),
                        methodPattern, f.optional("parameterType", ""), kind(file, node, f), f.optional("label",
                                "annotated parameter"), origin));
            }
            case "types" -> {
                f.allow("type", "supertypes", "method", "methods", "returns", "tag");
                String type = f.required("type");
                List<String> supers = f.list("supertypes");
                List<String> methods = f.methods(false);
                String returns = f.optional("returns", "");
                String tag = f.optional("tag", "");
                if (methods.isEmpty()) {
                    if (supers.isEmpty()) {
                        throw error(file, node, "a type row needs 'supertypes' or 'method' with 'returns'/'tag'");
                    }
                    out.add(new ModelRow.TypeFact(type, supers, "", "", "", origin));
                } else {
                    if (returns.isEmpty() && tag.isEmpty()) {
                        throw error(file, node, "a type row with 'method' needs 'returns' or 'tag'");
                    }
                    if (!supers.isEmpty()) {
                        out.add(new ModelRow.TypeFact(type, supers, "", "", "", origin));
                    }
                    for (String m : methods) {
                        out.add(new ModelRow.TypeFact(type, List.of(), m, returns, tag, origin));
                    }
                }
            }
            default -> {
                List<String> common = List.of("type", "method", "methods", "arity");
                switch (section) {
                    case "sources" -> f.allow(common, "output", "kind", "label");
                    case "sinks" -> f.allow(common, "input", "rule", "receiverTag", "label");
                    case "sanitizers" -> f.allow(common, "rules");
                    default -> f.allow(common, "from", "to");
                }
                String type = f.required("type");
                int arity = f.integer("arity", -1);
                for (String m : f.methods(true)) {
                    out.add(switch (section) {
                        case "sources" -> new ModelRow.Source(type, m, arity, position(file, node, f.optional("output",
                                "return")), kind(file, node, f), f.optional("label", simpleName(type) + "." + m), origin);
                        case "sinks" -> new ModelRow.Sink(type, m, arity, position(file, node, f.required("input")),
                                rule(file, node, f.required("rule")), f.optional("receiverTag", ""),
                                f.optional("label", simpleName(type) + "." + m), origin);
                        case "sanitizers" -> new ModelRow.Sanitizer(type, m, arity, rules(file, node, f), origin);
                        default -> new ModelRow.Summary(type, m, arity, position(file, node, f.required("from")),
                                position(file, node, f.required("to")), origin);
                    });
                }
            }
        }
        return out;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String kind(String file, Node node, Fields f) {
        String kind = f.optional("kind", "remote");
        if (!Set.of("remote", "local").contains(kind)) {
            throw error(file, node, "unknown source kind '" + kind + "' (expected remote or local)");
        }
        return kind;
    }

    private static String position(String file, Node node, String p) {
        if (!POSITION.matcher(p).matches()) {
            throw error(file, node, "bad position '" + p + "' (expected this, return, args or argN, optionally followed by .[])");
        }
        return p;
    }

    private static String rule(String file, Node node, String rule) {
        if (!rule.matches("[a-z]+/[a-z0-9-]+")) {
            throw error(file, node, "bad rule id '" + rule + "' (expected e.g. java/sql-injection)");
        }
        return rule;
    }

    private static Set<String> rules(String file, Node node, Fields f) {
        List<String> rules = f.list("rules");
        if (rules.isEmpty()) {
            throw error(file, node, "a sanitizer needs 'rules' (a list of rule ids, or [all])");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String r : rules) {
            out.add(r.equals("all") ? r : rule(file, node, r));
        }
        return Set.copyOf(out);
    }

    static ModelException error(String file, Node node, String message) {
        return new ModelException(file + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    private static String scalar(String file, Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(file, node, "expected a plain value");
    }

    /** The keys of one row, checked against the keys its section allows. */
    private static final class Fields {
        private final String file;
        private final MappingNode node;
        private final Map<String, Node> values = new java.util.LinkedHashMap<>();

        Fields(String file, MappingNode node) {
            this.file = file;
            this.node = node;
            for (NodeTuple t : node.getValue()) {
                String key = scalar(file, t.getKeyNode());
                if (values.put(key, t.getValueNode()) != null) {
                    throw error(file, t.getKeyNode(), "duplicate key '" + key + "'");
                }
            }
        }

        void allow(List<String> common, String... more) {
            List<String> all = new ArrayList<>(common);
            all.addAll(List.of(more));
            allow(all.toArray(String[]::new));
        }

        void allow(String... keys) {
            Set<String> allowed = Set.of(keys);
            for (Map.Entry<String, Node> e : values.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw error(file, e.getValue(), "unknown key '" + e.getKey() + "' (allowed: " + String.join(", ", keys) + ")");
                }
            }
        }

        String required(String key) {
            String v = optional(key, null);
            if (v == null || v.isEmpty()) {
                throw error(file, node, "missing '" + key + "'");
            }
            return v;
        }

        String optional(String key, String fallback) {
            Node n = values.get(key);
            return n == null ? fallback : scalar(file, n).strip();
        }

        int integer(String key, int fallback) {
            String v = optional(key, null);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw error(file, values.get(key), "'" + key + "' must be a number, not '" + v + "'");
            }
        }

        List<String> list(String key) {
            Node n = values.get(key);
            if (n == null) {
                return List.of();
            }
            if (n instanceof ScalarNode s) {
                return List.of(s.getValue().strip());
            }
            if (!(n instanceof SequenceNode seq)) {
                throw error(file, n, "'" + key + "' must be a list");
            }
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                out.add(scalar(file, item).strip());
            }
            return out;
        }

        List<String> methods(boolean required) {
            boolean one = values.containsKey("method");
            boolean many = values.containsKey("methods");
            if (one && many) {
                throw error(file, node, "use either 'method' or 'methods', not both");
            }
            if (!one && !many) {
                if (required) {
                    throw error(file, node, "missing 'method' (or 'methods')");
                }
                return List.of();
            }
            List<String> methods = one ? List.of(required("method")) : list("methods");
            if (methods.isEmpty()) {
                throw error(file, node, "'methods' is empty");
            }
            return methods;
        }
    }
}
