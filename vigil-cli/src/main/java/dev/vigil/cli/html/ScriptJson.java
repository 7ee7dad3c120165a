package dev.vigil.cli.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON that is safe to embed verbatim in an HTML {@code <script type="application/json">} block.
 *
 * <p>The HTML tokenizer ends a script element at the first {@code </script} whatever the script's type,
 * and {@code <!--} inside a script changes how it looks for that end tag. Since report data contains
 * scanned code and messages, which an attacker controls, {@code <}, {@code >} and {@code &} are written
 * as {@code \u003c}, {@code \u003e} and {@code \u0026}: JSON.parse reads them back unchanged, and no
 * markup can appear in the block. U+2028 and U+2029 are escaped too, because older JavaScript engines
 * treat them as line terminators inside string literals.
 */
final class ScriptJson {

    private static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = new ObjectMapper(
            new JsonFactory().setCharacterEscapes(new ScriptSafeEscapes()))
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ScriptJson() {
    }

    /** Writes {@code value} (built from maps, lists, strings, numbers, booleans and nulls) to {@code out}. */
    static void write(Object value, Writer out) throws IOException {
        MAPPER.writeValue(out, jsonFriendly(value, 0));
    }

    static String toJson(Object value) {
        StringWriter out = new StringWriter();
        try {
            write(value, out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /**
     * Copies a property value into plain JSON types. Finding and scan properties are documented as
     * JSON-friendly, but they come from other stages (and other tools' SARIF); anything else is written
     * as its string form instead of failing the whole report.
     */
    static Object jsonFriendly(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return (n instanceof Double d && !Double.isFinite(d)) || (n instanceof Float f && !Float.isFinite(f))
                    ? String.valueOf(n) : n;
        }
        if (depth >= MAX_DEPTH) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), jsonFriendly(v, depth + 1)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(jsonFriendly(v, depth + 1)));
            return copy;
        }
        return String.valueOf(value);
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            ascii['<'] = CharacterEscapes.ESCAPE_CUSTOM;
            ascii['>'] = CharacterEscapes.ESCAPE_CUSTOM;
            ascii['&'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<', '>', '&', '\u2028', '\u2029' -> new SerializedString(String.format("\\u%04x", ch));
                default -> null;
            };
        }
    }
}
