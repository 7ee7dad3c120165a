package dev.vigil.java.constants;

import com.sun.source.tree.Tree;
import java.util.Locale;

/** Java's evaluation rules for the operators and String methods the resolver folds. */
final class Folding {

    private Folding() {
    }

    /** The value of {@code x op y}, or null when it cannot be folded. */
    static Object binary(Tree.Kind op, Object x, Object y) {
        if (op == Tree.Kind.PLUS && (x instanceof String || y instanceof String)) {
            return text(x) + text(y);
        }
        if (x instanceof Boolean a && y instanceof Boolean b) {
            return switch (op) {
                case CONDITIONAL_AND, AND -> a && b;
                case CONDITIONAL_OR, OR -> a || b;
                case XOR -> a ^ b;
                case EQUAL_TO -> a.equals(b);
                case NOT_EQUAL_TO -> !a.equals(b);
                default -> null;
            };
        }
        if ((x instanceof Long || y instanceof Long) && integral(x) && integral(y)) {
            long a = ((Number) number(x)).longValue();
            long b = ((Number) number(y)).longValue();
            return switch (op) {
                case PLUS -> a + b;
                case MINUS -> a - b;
                case MULTIPLY -> a * b;
                case EQUAL_TO -> a == b;
                case NOT_EQUAL_TO -> a != b;
                case LESS_THAN -> a < b;
                case GREATER_THAN -> a > b;
                default -> null;
            };
        }
        if (integral(x) && integral(y)) {
            int a = ((Number) number(x)).intValue();
            int b = ((Number) number(y)).intValue();
            return switch (op) {
                case PLUS -> a + b;
                case MINUS -> a - b;
                case MULTIPLY -> a * b;
                case EQUAL_TO -> a == b;
                case NOT_EQUAL_TO -> a != b;
                case LESS_THAN -> a < b;
                case GREATER_THAN -> a > b;
                case LESS_THAN_EQUAL -> a <= b;
                case GREATER_THAN_EQUAL -> a >= b;
                default -> null;
            };
        }
        if (op == Tree.Kind.EQUAL_TO && (x == ValueSet.NULL || y == ValueSet.NULL)) {
            return x == y;
        }
        if (op == Tree.Kind.NOT_EQUAL_TO && (x == ValueSet.NULL || y == ValueSet.NULL)) {
            return x != y;
        }
        return null;
    }

    private static boolean integral(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte
                || o instanceof Character;
    }

    private static Object number(Object o) {
        return o instanceof Character c ? (int) c : o;
    }

    private static String text(Object o) {
        return o == ValueSet.NULL ? "null" : String.valueOf(o);
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
