package dev.vigil.java.taint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The abstract value of an expression: a known constant (or none), its taint, what is known about its
 * fields and elements, tags that select sinks (a writer obtained from an HTTP response), its type when
 * known, and — for lambdas and method references — the code to run when it is invoked.
 *
 * <p>Field keys are field names; containers use "[]" for "any element", "[0]", "[1]"... for list and
 * array slots at known indices, and "{key}" for map values under a constant key. The special key
 * {@link #PRECISE_LIST} marks a list whose slots are exact (so remove(0) can shift them).
 *
 * @param constant a String, Integer, Long, Character, Boolean, Double, {@link #NULL}, or null for unknown
 * @param type the qualified type name when known ("" otherwise)
 * @param exact true when {@code type} is the exact runtime class (from {@code new}), used for dispatch
 */
record Value(Object constant, Taint taint, Map<String, Value> fields, Set<String> tags, String type, boolean exact,
             Closure closure) {

    /** The constant null. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    static final String ELEMENTS = "[]";
    static final String PRECISE_LIST = "#list";
    static final Value UNKNOWN = new Value(null, Taint.CLEAN, Map.of(), Set.of(), "", false, null);

    Value {
        fields = fields == null ? Map.of() : fields;
        tags = tags == null ? Set.of() : tags;
        type = type == null ? "" : type;
    }

    static Value constant(Object c) {
        return new Value(c, Taint.CLEAN, Map.of(), Set.of(), "", false, null);
    }

    static Value tainted(Taint t) {
        return new Value(null, t, Map.of(), Set.of(), "", false, null);
    }

    boolean isTainted() {
        return !taint.isEmpty();
    }

    boolean isConstant() {
        return constant != null;
    }

    Value withTaint(Taint t) {
        return new Value(t.isEmpty() ? constant : null, t, fields, tags, type, exact, closure);
    }

    /** Keeps taint and fields, forgets the constant (the result of an operation on this value). */
    Value withConstant(Object c) {
        return new Value(c, taint, fields, tags, type, exact, closure);
    }

    Value withField(String name, Value v) {
        Map<String, Value> f = new HashMap<>(fields);
        f.put(name, v);
        return new Value(constant, taint, f, tags, type, exact, closure);
    }

    Value withFields(Map<String, Value> f) {
        return new Value(constant, taint, f, tags, type, exact, closure);
    }

    /** The prefix of tags that hold only when they hold on every path that meets (see {@link #join}). */
    static final String MUST = "must:";

    Value withoutTag(String tag) {
        if (!tags.contains(tag)) {
            return this;
        }
        Set<String> t = new HashSet<>(tags);
        t.remove(tag);
        return new Value(constant, taint, fields, Set.copyOf(t), type, exact, closure);
    }

    Value withTag(String tag) {
        Set<String> t = new HashSet<>(tags);
        t.add(tag);
        return new Value(constant, taint, fields, Set.copyOf(t), type, exact, closure);
    }

    Value withType(String t, boolean isExact) {
        return new Value(constant, taint, fields, tags, t, isExact, closure);
    }

    Value withClosure(Closure c) {
        return new Value(constant, taint, fields, tags, type, exact, c);
    }

    /** Everything this value may contain: its own taint and that of all fields and elements (bounded depth). */
    Taint deepTaint() {
        return deepTaint(3);
    }

    private Taint deepTaint(int depth) {
        Taint t = taint;
        if (depth > 0) {
            for (Value v : fields.values()) {
                t = t.union(v.deepTaint(depth - 1));
            }
        }
        return t;
    }

    /** Taint of the elements of a container (any slot or key). */
    Taint elementTaint() {
        Taint t = Taint.CLEAN;
        for (Map.Entry<String, Value> e : fields.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("[") || k.startsWith("{")) {
                t = t.union(e.getValue().deepTaint());
            }
        }
        return t;
    }

    static Value join(Value a, Value b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        Object c = Objects.equals(a.constant, b.constant) ? a.constant : null;
        Taint t = a.taint.union(b.taint);
        if (!t.isEmpty()) {
            c = null;
        }
        Map<String, Value> f;
        if (a.fields.isEmpty()) {
            f = b.fields;
        } else if (b.fields.isEmpty()) {
            f = a.fields;
        } else {
            f = new HashMap<>(a.fields);
            for (Map.Entry<String, Value> e : b.fields.entrySet()) {
                f.merge(e.getKey(), e.getValue(), Value::join);
            }
            if (!(a.fields.containsKey(PRECISE_LIST) && b.fields.containsKey(PRECISE_LIST)
                    && a.fields.keySet().equals(b.fields.keySet()))) {
                f.remove(PRECISE_LIST);
            }
        }
        Set<String> tags = a.tags;
        if (!a.tags.equals(b.tags)) {
            // A tag that selects sinks holds if it may hold on some path; a MUST tag (one that silences
            // sinks) only if it holds on every path.
            Set<String> u = new HashSet<>(a.tags);
            u.addAll(b.tags);
            u.removeIf(tag -> tag.startsWith(MUST) && !(a.tags.contains(tag) && b.tags.contains(tag)));
            tags = Set.copyOf(u);
        }
        String type = a.type.equals(b.type) ? a.type : (a.type.isEmpty() ? b.type : b.type.isEmpty() ? a.type : "");
        boolean exact = a.exact && b.exact && a.type.equals(b.type);
        Closure closure = Objects.equals(a.closure, b.closure) ? a.closure : (a.closure != null ? a.closure : b.closure);
        return new Value(c, t, f, tags, type, exact, closure);
    }
}
