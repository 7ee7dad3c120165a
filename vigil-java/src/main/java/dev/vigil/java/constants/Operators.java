package dev.vigil.java.constants;

import com.sun.source.tree.Tree;

/**
 * Java's binary operators on constants, with its promotion rules (int, long, double, char, boolean,
 * String). Shared by the value resolver of the checks and the taint engine's constant propagation.
 */
public final class Operators {

    private Operators() {
    }

    /**
     * The value of {@code a kind b}, or null when it cannot be folded.
     *
     * @param nullValue the caller's representation of the null constant
     */
    public static Object fold(Tree.Kind kind, Object a, Object b, Object nullValue) {
        if (a == null || b == null) {
            return null;
        }
        if (kind == Tree.Kind.PLUS && (a instanceof String || b instanceof String)) {
            return (a == nullValue ? "null" : String.valueOf(a)) + (b == nullValue ? "null" : String.valueOf(b));
        }
        if (a == nullValue || b == nullValue) {
            return switch (kind) {
                case EQUAL_TO -> a == b;
                case NOT_EQUAL_TO -> a != b;
                default -> null;
            };
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return switch (kind) {
                case CONDITIONAL_AND, AND -> x && y;
                case CONDITIONAL_OR, OR -> x || y;
                case XOR -> x ^ y;
                case EQUAL_TO -> x.equals(y);
                case NOT_EQUAL_TO -> !x.equals(y);
                default -> null;
            };
        }
        if (a instanceof String || b instanceof String) {
            return switch (kind) {
                // == on strings compares references; constants from literals are interned, so equal text is equal.
                case EQUAL_TO -> a.equals(b);
                case NOT_EQUAL_TO -> !a.equals(b);
                default -> null;
            };
        }
        Number x = number(a);
        Number y = number(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Double || y instanceof Double || x instanceof Float || y instanceof Float) {
            double l = x.doubleValue();
            double r = y.doubleValue();
            return switch (kind) {
                case PLUS -> l + r;
                case MINUS -> l - r;
                case MULTIPLY -> l * r;
                case DIVIDE -> l / r;
                case REMAINDER -> l % r;
                case LESS_THAN -> l < r;
                case GREATER_THAN -> l > r;
                case LESS_THAN_EQUAL -> l <= r;
                case GREATER_THAN_EQUAL -> l >= r;
                case EQUAL_TO -> l == r;
                case NOT_EQUAL_TO -> l != r;
                default -> null;
            };
        }
        return integral(kind, x.longValue(), y.longValue(), x instanceof Long || y instanceof Long);
    }

    /**
     * Integral operators, computed in 64 bits. For int operands the result is narrowed back, which gives
     * Java's 32-bit wrap-around (MIN_VALUE / -1 included); shifts use the int shift distance and, for
     * {@code >>>}, the unsigned 32-bit value.
     */
    private static Object integral(Tree.Kind kind, long l, long r, boolean isLong) {
        Object value = switch (kind) {
            case PLUS -> l + r;
            case MINUS -> l - r;
            case MULTIPLY -> l * r;
            case DIVIDE -> r == 0 ? null : l / r;
            case REMAINDER -> r == 0 ? null : l % r;
            case AND -> l & r;
            case OR -> l | r;
            case XOR -> l ^ r;
            case LEFT_SHIFT -> isLong ? l << r : l << (r & 31);
            case RIGHT_SHIFT -> isLong ? l >> r : l >> (r & 31);
            case UNSIGNED_RIGHT_SHIFT -> isLong ? l >>> r : (l & 0xFFFFFFFFL) >>> (r & 31);
            case LESS_THAN -> l < r;
            case GREATER_THAN -> l > r;
            case LESS_THAN_EQUAL -> l <= r;
            case GREATER_THAN_EQUAL -> l >= r;
            case EQUAL_TO -> l == r;
            case NOT_EQUAL_TO -> l != r;
            default -> null;
        };
        if (value instanceof Long v && !isLong) {
            return (int) (long) v;
        }
        return value;
    }

    private static Number number(Object o) {
        if (o instanceof Character c) {
            return (int) c;
        }
        if (o instanceof Short s) {
            return s.intValue();
        }
        if (o instanceof Byte b) {
            return b.intValue();
        }
        return o instanceof Number n ? n : null;
    }
}
