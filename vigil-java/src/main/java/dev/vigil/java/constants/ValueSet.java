package dev.vigil.java.constants;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The values an expression may have at run time, as far as they are known: a set of constants
 * (String, Boolean, Integer, Long, Character, Double, or {@link #NULL}) and whether the set is
 * complete. A ternary on a runtime flag yields both branches; a parameter yields an empty,
 * incomplete set. Checks report a weak value only when it is one of the known values, and treat a
 * flag as set only when every possible value is known and true.
 */
public record ValueSet(Set<Object> values, boolean complete) {

    /** Stands for the {@code null} literal, which a {@link Set} could not hold. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Past this many alternatives the set stops being useful and becomes unknown. */
    static final int LIMIT = 32;

    private static final ValueSet UNKNOWN = new ValueSet(Set.of(), false);

    public ValueSet {
        values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public static ValueSet unknown() {
        return UNKNOWN;
    }

    public static ValueSet of(Object value) {
        return new ValueSet(Set.of(value == null ? NULL : value), true);
    }

    public boolean isUnknown() {
        return values.isEmpty();
    }

    /** The only possible value, when there is exactly one and nothing else is possible. */
    public java.util.Optional<Object> single() {
        return complete && values.size() == 1 ? java.util.Optional.of(values.iterator().next())
                : java.util.Optional.empty();
    }

    /** The known string values. */
    public Set<String> strings() {
        Set<String> out = new LinkedHashSet<>();
        for (Object v : values) {
            if (v instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every possible value is known to be {@code true}. */
    public boolean alwaysTrue() {
        return complete && !values.isEmpty() && values.stream().allMatch(Boolean.TRUE::equals);
    }

    /** Every possible value is known to be {@code false}. */
    public boolean alwaysFalse() {
        return complete && !values.isEmpty() && values.stream().allMatch(Boolean.FALSE::equals);
    }

    public ValueSet union(ValueSet other) {
        if (other == null) {
            return this;
        }
        Set<Object> all = new LinkedHashSet<>(values);
        all.addAll(other.values);
        if (all.size() > LIMIT) {
            return UNKNOWN;
        }
        return new ValueSet(all, complete && other.complete);
    }

    /** Applies {@code f} to every value; a null result means "not computable" and makes the set incomplete. */
    public ValueSet map(Function<Object, Object> f) {
        Set<Object> out = new LinkedHashSet<>();
        boolean full = complete;
        for (Object v : values) {
            Object r = f.apply(v);
            if (r == null) {
                full = false;
            } else {
                out.add(r);
            }
        }
        return new ValueSet(out, full);
    }

    /** Applies {@code f} to every pair of values (the cartesian product), bounded by {@link #LIMIT}. */
    public ValueSet combine(ValueSet other, BiFunction<Object, Object, Object> f) {
        if ((long) values.size() * other.values.size() > LIMIT) {
            return UNKNOWN;
        }
        Set<Object> out = new LinkedHashSet<>();
        boolean full = complete && other.complete;
        for (Object a : values) {
            for (Object b : other.values) {
                Object r = f.apply(a, b);
                if (r == null) {
                    full = false;
                } else {
                    out.add(r);
                }
            }
        }
        return new ValueSet(out, full);
    }
}
