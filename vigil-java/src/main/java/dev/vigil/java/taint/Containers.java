package dev.vigil.java.taint;

import com.sun.source.util.TreePath;
import dev.vigil.core.finding.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists, maps and properties interpreted precisely: map values are kept per constant key, list slots
 * per constant index (shifting on insert and remove), and {@code Properties.getProperty} reads the
 * project's .properties files.
 */
final class Containers {

    private static final String ANY_KEY = "{*}";
    private static final String KEYS = "#keys";

    private Containers() {
    }

    /** Returns the call's value when this class handles it, else null. */
    static Value handle(MethodAnalyzer a, String name, Set<String> types, Value receiver, TreePath receiverPath,
                        List<Value> args, Location loc, Env env) {
        if (receiver == null) {
            return staticFactory(name, types, args);
        }
        if (types.contains("java.util.Properties") && (name.equals("getProperty") && !args.isEmpty())) {
            Object key = args.get(0).constant();
            if (key instanceof String k) {
                String configured = a.engine().properties.get(k);
                if (configured != null) {
                    return Value.constant(configured);
                }
                Value known = receiver.fields().get("{" + k + "}");
                if (known != null) {
                    return args.size() > 1 ? Value.join(known, args.get(1)) : known;
                }
                return args.size() > 1 ? args.get(1) : Value.UNKNOWN;
            }
            return null;
        }
        if (types.contains("java.util.Map")) {
            return map(a, name, receiver, receiverPath, args, loc, env);
        }
        if (types.contains("java.util.List")) {
            return list(a, name, receiver, receiverPath, args, loc, env);
        }
        if (types.contains("java.util.Collection") && (name.equals("add") || name.equals("offer") || name.equals("push"))
                && args.size() == 1) {
            Value updated = receiver.withField(Value.ELEMENTS,
                    Value.join(receiver.fields().getOrDefault(Value.ELEMENTS, null), args.get(0)));
            store(a, receiverPath, updated, env, loc);
            return Value.UNKNOWN;
        }
        return null;
    }

    private static Value staticFactory(String name, Set<String> types, List<Value> args) {
        boolean listFactory = (types.contains("java.util.List") && name.equals("of"))
                || (types.contains("java.util.Arrays") && name.equals("asList"));
        if (listFactory) {
            return preciseList(args);
        }
        if (types.contains("java.util.Map") && name.equals("of") && args.size() % 2 == 0) {
            Map<String, Value> fields = new HashMap<>();
            for (int i = 0; i < args.size(); i += 2) {
                Object k = args.get(i).constant();
                String key = k == null ? ANY_KEY : "{" + k + "}";
                fields.merge(key, args.get(i + 1), Value::join);
            }
            return Value.UNKNOWN.withFields(fields);
        }
        if (types.contains("java.util.Set") && name.equals("of")) {
            Value elements = null;
            for (Value v : args) {
                elements = Value.join(elements, v);
            }
            return elements == null ? Value.UNKNOWN : Value.UNKNOWN.withField(Value.ELEMENTS, elements);
        }
        return null;
    }

    static Value construct(Set<String> types, List<Value> args) {
        if (types.contains("java.util.List") && args.isEmpty()) {
            return preciseList(List.of());
        }
        if ((types.contains("java.util.Map") || types.contains("java.util.Collection")) && args.isEmpty()
                && !types.contains("java.util.Properties")) {
            return Value.UNKNOWN;
        }
        if (types.contains("java.util.List") && args.size() == 1 && args.get(0).fields().containsKey(Value.PRECISE_LIST)) {
            return Value.UNKNOWN.withFields(args.get(0).fields()); // new ArrayList<>(List.of(a, b)) keeps its slots
        }
        if (types.contains("java.util.Collection") && args.size() == 1 && !args.get(0).fields().isEmpty()) {
            Value elements = MethodAnalyzer.fieldOf(args.get(0), Value.ELEMENTS);
            return Value.UNKNOWN.withField(Value.ELEMENTS, elements);
        }
        return null;
    }

    private static Value preciseList(List<Value> items) {
        Map<String, Value> fields = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            fields.put("[" + i + "]", items.get(i));
        }
        fields.put(Value.PRECISE_LIST, Value.UNKNOWN);
        return Value.UNKNOWN.withFields(fields);
    }

    private static Value map(MethodAnalyzer a, String name, Value receiver, TreePath receiverPath, List<Value> args,
                             Location loc, Env env) {
        switch (name) {
            case "put", "putIfAbsent" -> {
                if (args.size() != 2) {
                    return null;
                }
                Object k = args.get(0).constant();
                Value v = args.get(1);
                if (v.isTainted()) {
                    v = v.withTaint(v.taint().step(loc, "stored in map" + (k == null ? "" : " under '" + k + "'")));
                }
                String key = k == null || args.get(0).isTainted() ? ANY_KEY : "{" + k + "}";
                Value updated = name.equals("put") && !key.equals(ANY_KEY) ? receiver.withField(key, v)
                        : receiver.withField(key, Value.join(receiver.fields().get(key), v));
                if (args.get(0).isTainted()) {
                    // Keys are data too: iterating keySet() yields them.
                    updated = updated.withField(KEYS, Value.join(receiver.fields().get(KEYS), args.get(0)));
                }
                store(a, receiverPath, updated, env, loc);
                return Value.UNKNOWN;
            }
            case "get", "getOrDefault", "remove" -> {
                if (args.isEmpty() || args.size() > 2) {
                    return null;
                }
                Object k = args.get(0).constant();
                Value out;
                if (k != null && !args.get(0).isTainted()) {
                    Value exact = receiver.fields().get("{" + k + "}");
                    Value any = receiver.fields().get(ANY_KEY);
                    out = Value.join(exact, any);
                    if (out == null) {
                        boolean hasKeys = receiver.fields().keySet().stream().anyMatch(x -> x.startsWith("{"));
                        out = hasKeys ? Value.UNKNOWN : MethodAnalyzer.fieldOf(receiver, Value.ELEMENTS);
                    }
                } else {
                    out = MethodAnalyzer.fieldOf(receiver, Value.ELEMENTS);
                }
                if (name.equals("getOrDefault") && args.size() == 2) {
                    out = Value.join(out, args.get(1));
                }
                if (out.isTainted()) {
                    out = out.withTaint(out.taint().step(loc, "read from map" + (k == null ? "" : " under '" + k + "'")));
                }
                return out;
            }
            case "containsKey", "containsValue", "isEmpty", "size" -> {
                return Value.UNKNOWN;
            }
            case "values", "entrySet" -> {
                return Value.UNKNOWN.withField(Value.ELEMENTS, MethodAnalyzer.fieldOf(receiver, Value.ELEMENTS));
            }
            case "keySet" -> {
                Value keys = receiver.fields().get(KEYS);
                return keys == null ? Value.UNKNOWN : Value.UNKNOWN.withField(Value.ELEMENTS, keys);
            }
            default -> {
                return null;
            }
        }
    }

    private static Value list(MethodAnalyzer a, String name, Value receiver, TreePath receiverPath, List<Value> args,
                              Location loc, Env env) {
        boolean precise = receiver.fields().containsKey(Value.PRECISE_LIST);
        int size = precise ? slots(receiver) : -1;
        switch (name) {
            case "add" -> {
                if (args.size() == 1) {
                    Value v = args.get(0);
                    Value updated = precise ? receiver.withField("[" + size + "]", v)
                            : receiver.withField(Value.ELEMENTS, Value.join(receiver.fields().get(Value.ELEMENTS), v));
                    store(a, receiverPath, updated, env, loc);
                    return Value.constant(true);
                }
                if (args.size() == 2) {
                    Object i = args.get(0).constant();
                    Value v = args.get(1);
                    Value updated;
                    if (precise && i instanceof Integer idx && idx >= 0 && idx <= size) {
                        Map<String, Value> f = new HashMap<>(receiver.fields());
                        for (int j = size; j > idx; j--) {
                            f.put("[" + j + "]", f.get("[" + (j - 1) + "]"));
                        }
                        f.put("[" + idx + "]", v);
                        updated = receiver.withFields(f);
                    } else {
                        updated = imprecise(receiver, v);
                    }
                    store(a, receiverPath, updated, env, loc);
                    return Value.UNKNOWN;
                }
                return null;
            }
            case "set" -> {
                if (args.size() != 2) {
                    return null;
                }
                Object i = args.get(0).constant();
                Value updated = precise && i instanceof Integer idx && idx >= 0 && idx < size
                        ? receiver.withField("[" + idx + "]", args.get(1)) : imprecise(receiver, args.get(1));
                store(a, receiverPath, updated, env, loc);
                return Value.UNKNOWN;
            }
            case "remove" -> {
                if (args.size() != 1) {
                    return null;
                }
                Object i = args.get(0).constant();
                if (precise && i instanceof Integer idx && idx >= 0 && idx < size) {
                    Value removed = receiver.fields().get("[" + idx + "]");
                    Map<String, Value> f = new HashMap<>(receiver.fields());
                    for (int j = idx; j < size - 1; j++) {
                        f.put("[" + j + "]", f.get("[" + (j + 1) + "]"));
                    }
                    f.remove("[" + (size - 1) + "]");
                    store(a, receiverPath, receiver.withFields(f), env, loc);
                    return removed == null ? Value.UNKNOWN : removed;
                }
                return MethodAnalyzer.fieldOf(receiver, Value.ELEMENTS);
            }
            case "get" -> {
                if (args.size() != 1) {
                    return null;
                }
                Object i = args.get(0).constant();
                if (precise && i instanceof Integer idx) {
                    Value slot = receiver.fields().get("[" + idx + "]");
                    return slot == null ? Value.UNKNOWN : slot;
                }
                return MethodAnalyzer.fieldOf(receiver, Value.ELEMENTS);
            }
            case "clear" -> {
                store(a, receiverPath, preciseList(List.of()).withType(receiver.type(), receiver.exact()), env, loc);
                return Value.UNKNOWN;
            }
            case "addAll" -> {
                Value added = MethodAnalyzer.fieldOf(args.get(args.size() - 1), Value.ELEMENTS);
                store(a, receiverPath, imprecise(receiver, added), env, loc);
                return Value.UNKNOWN;
            }
            default -> {
                return null;
            }
        }
    }

    private static int slots(Value list) {
        int n = 0;
        while (list.fields().containsKey("[" + n + "]")) {
            n++;
        }
        return n;
    }

    private static Value imprecise(Value list, Value added) {
        Map<String, Value> f = new HashMap<>();
        Value all = added;
        for (Map.Entry<String, Value> e : list.fields().entrySet()) {
            if (e.getKey().startsWith("[")) {
                all = Value.join(all, e.getValue());
            } else if (!e.getKey().equals(Value.PRECISE_LIST)) {
                f.put(e.getKey(), e.getValue());
            }
        }
        f.put(Value.ELEMENTS, all);
        return list.withFields(f);
    }

    private static void store(MethodAnalyzer a, TreePath receiverPath, Value updated, Env env, Location loc) {
        if (receiverPath != null) {
            a.assignQuietly(receiverPath, updated, env, loc);
        }
    }
}
