package dev.vigil.java.taint;

import dev.vigil.core.finding.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** An immutable, bounded set of {@link TaintFlow}s; the empty taint means "clean". */
final class Taint {

    static final Taint CLEAN = new Taint(List.of());
    private static final int MAX_FLOWS = 8;

    private final List<TaintFlow> flows;

    private Taint(List<TaintFlow> flows) {
        this.flows = flows;
    }

    static Taint of(TaintFlow flow) {
        return new Taint(List.of(flow));
    }

    List<TaintFlow> flows() {
        return flows;
    }

    boolean isEmpty() {
        return flows.isEmpty();
    }

    Taint union(Taint other) {
        if (other.isEmpty() || other == this) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Map<Object, TaintFlow> byKey = new LinkedHashMap<>();
        for (TaintFlow f : flows) {
            byKey.put(f.key(), f);
        }
        boolean changed = false;
        for (TaintFlow f : other.flows) {
            TaintFlow old = byKey.get(f.key());
            if (old == null) {
                if (byKey.size() < MAX_FLOWS) {
                    byKey.put(f.key(), f);
                    changed = true;
                }
            } else if (f.length() < old.length() && !f.equals(old)) {
                byKey.put(f.key(), f);
                changed = true;
            }
        }
        return changed ? new Taint(List.copyOf(byKey.values())) : this;
    }

    Taint step(Location location, String description) {
        if (isEmpty()) {
            return this;
        }
        List<TaintFlow> out = new ArrayList<>(flows.size());
        for (TaintFlow f : flows) {
            out.add(f.step(location, description));
        }
        return new Taint(out);
    }

    Taint sanitize(Set<String> rules) {
        if (isEmpty()) {
            return this;
        }
        if (rules.contains("all")) {
            return CLEAN;
        }
        List<TaintFlow> out = new ArrayList<>(flows.size());
        for (TaintFlow f : flows) {
            out.add(f.sanitize(rules));
        }
        return new Taint(out).dedupe();
    }

    /** Undoes every sanitization: what an encoder escaped, a decoder restores. */
    Taint unsanitized() {
        if (isEmpty()) {
            return this;
        }
        Taint t = CLEAN;
        for (TaintFlow f : flows) {
            t = t.union(Taint.of(f.unsanitized()));
        }
        return t;
    }

    Taint filter(Predicate<TaintFlow> keep) {
        List<TaintFlow> out = flows.stream().filter(keep).toList();
        return out.size() == flows.size() ? this : new Taint(out);
    }

    private Taint dedupe() {
        return CLEAN.unionAll(flows);
    }

    private Taint unionAll(List<TaintFlow> fs) {
        Taint t = this;
        for (TaintFlow f : fs) {
            t = t.union(Taint.of(f));
        }
        return t;
    }

    boolean hasParamOrigins() {
        for (TaintFlow f : flows) {
            if (f.origin() instanceof Origin.Param) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Taint t) || t.flows.size() != flows.size()) {
            return false;
        }
        for (int i = 0; i < flows.size(); i++) {
            if (!flows.get(i).sameKey(t.flows.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (TaintFlow f : flows) {
            h = 31 * h + f.keyHash();
        }
        return h;
    }

    @Override
    public String toString() {
        return flows.stream().map(f -> f.origin().toString()).toList().toString();
    }
}
