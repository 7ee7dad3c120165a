package corpus.taint.precision.interproc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Helpers whose result depends on how they are called. */
public final class Helpers {

    private Helpers() {
    }

    /** A constant for "default", the argument otherwise: precise only when analysed per call site. */
    public static String orDefault(String mode, String value) {
        if ("default".equals(mode)) {
            return "guest";
        }
        return value;
    }

    /** Never returns its argument. */
    public static String describe(String value) {
        return value == null ? "missing" : "present";
    }

    /** Returns its argument unchanged after logging-free normalization. */
    public static String normalize(String value) {
        return value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static String decodeBase64(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }

    public static String urlDecode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Recursive unwrapping of nested quotes; the result is still the caller's data. */
    public static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return unquote(value.substring(1, value.length() - 1));
        }
        return value;
    }

    /** Recursion that bottoms out in a constant. */
    public static String depthLabel(String value, int depth) {
        if (depth <= 0) {
            return "leaf";
        }
        return depthLabel(value, depth - 1);
    }
}
