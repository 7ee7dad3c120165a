package dev.vigil.java.taint;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Folds calls on constant strings ("abc".toUpperCase(), s.equals("x") with s constant, String.valueOf(1)). */
final class StringFolding {

    private StringFolding() {
    }

    static Value fold(String name, Value receiver, List<Value> args, Set<String> types) {
        for (Value a : args) {
            if (!a.isConstant() || a.isTainted()) {
                return null;
            }
        }
        if (receiver == null) {
            if (types.contains("java.lang.String") && name.equals("valueOf") && args.size() == 1
                    && args.get(0).constant() != Value.NULL) {
                return Value.constant(String.valueOf(args.get(0).constant()));
            }
            if (types.contains("java.lang.Boolean") && (name.equals("parseBoolean") || name.equals("valueOf"))
                    && args.size() == 1 && args.get(0).constant() instanceof String s) {
                return Value.constant(Boolean.parseBoolean(s));
            }
            if ((types.contains("java.lang.Integer") && (name.equals("parseInt") || name.equals("valueOf"))
                    || types.contains("java.lang.Long") && (name.equals("parseLong") || name.equals("valueOf")))
                    && args.size() == 1 && args.get(0).constant() instanceof String s) {
                try {
                    return Value.constant(types.contains("java.lang.Long") ? (Object) Long.parseLong(s.trim())
                            : (Object) Integer.parseInt(s.trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
        if (!(receiver.constant() instanceof String s) || receiver.isTainted()) {
            return null;
        }
        Object a0 = args.isEmpty() ? null : args.get(0).constant();
        Object a1 = args.size() < 2 ? null : args.get(1).constant();
        Object r = switch (name) {
            case "equals" -> args.size() == 1 ? s.equals(a0) : null;
            case "equalsIgnoreCase" -> a0 instanceof String o ? s.equalsIgnoreCase(o) : null;
            case "length" -> args.isEmpty() ? s.length() : null;
            case "isEmpty" -> args.isEmpty() ? s.isEmpty() : null;
            case "isBlank" -> args.isEmpty() ? s.isBlank() : null;
            case "toUpperCase" -> s.toUpperCase(Locale.ROOT);
            case "toLowerCase" -> s.toLowerCase(Locale.ROOT);
            case "trim" -> s.trim();
            case "strip" -> s.strip();
            case "intern", "toString" -> s;
            case "concat" -> a0 instanceof String o ? s + o : null;
            case "contains" -> a0 instanceof String o ? s.contains(o) : null;
            case "startsWith" -> a0 instanceof String o && args.size() == 1 ? s.startsWith(o) : null;
            case "endsWith" -> a0 instanceof String o ? s.endsWith(o) : null;
            case "indexOf" -> a0 instanceof String o && args.size() == 1 ? s.indexOf(o)
                    : a0 instanceof Character c && args.size() == 1 ? s.indexOf(c) : null;
            case "charAt" -> a0 instanceof Integer i && i >= 0 && i < s.length() ? s.charAt(i) : null;
            case "substring" -> substring(s, a0, a1, args.size());
            case "replace" -> a0 instanceof String x && a1 instanceof String y ? s.replace(x, y)
                    : a0 instanceof Character x && a1 instanceof Character y ? s.replace(x, y) : null;
            case "hashCode" -> args.isEmpty() ? s.hashCode() : null;
            default -> null;
        };
        return r == null ? null : Value.constant(r);
    }

    private static Object substring(String s, Object a0, Object a1, int n) {
        try {
            if (n == 1 && a0 instanceof Integer b) {
                return s.substring(b);
            }
            if (n == 2 && a0 instanceof Integer b && a1 instanceof Integer e) {
                return s.substring(b, e);
            }
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
        return null;
    }
}
