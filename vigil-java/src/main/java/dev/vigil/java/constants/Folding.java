package dev.vigil.java.constants;

import com.sun.source.tree.Tree;
import java.util.Locale;

/** Java's evaluation rules for the operators and String methods the resolver folds. */
final class Folding {

    private Folding() {
    }

    /** The value of {@code x op y}, or null when it cannot be folded. */
    static Object binary(Tree.Kind op, Object x, Object y) {
        return Operators.fold(op, x, y, ValueSet.NULL);
    }

    static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Folds {@code self.name(arg)} for String receivers; null when the method is not one the resolver
     * knows (the caller then tries other rules).
     */
    static ValueSet stringMethod(String name, ValueSet self, ValueSet arg, int arity) {
        return switch (name) {
            case "toUpperCase" -> arity == 0 ? self.map(v -> v instanceof String s ? s.toUpperCase(Locale.ROOT) : null)
                    : self.map(v -> v instanceof String s ? s.toUpperCase(Locale.ROOT) : null);
            case "toLowerCase" -> self.map(v -> v instanceof String s ? s.toLowerCase(Locale.ROOT) : null);
            case "trim", "strip" -> arity == 0 ? self.map(v -> v instanceof String s ? s.strip() : null) : null;
            case "toString", "intern" -> arity == 0 ? self : null;
            case "isEmpty" -> arity == 0 ? self.map(v -> v instanceof String s ? s.isEmpty() : null) : null;
            case "concat" -> arg == null ? null
                    : self.combine(arg, (a, b) -> a instanceof String s && b instanceof String t ? s + t : null);
            case "equals" -> arg == null ? null : self.combine(arg, (a, b) -> a.equals(b));
            case "equalsIgnoreCase" -> arg == null ? null
                    : self.combine(arg, (a, b) -> a instanceof String s && b instanceof String t ? s.equalsIgnoreCase(t)
                            : Boolean.FALSE);
            default -> null;
        };
    }
}
