package dev.vigil.cli.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    private static final String HOSTILE = "</script><script>alert(1)</script><!-- & \u2028\u2029 \"quoted\" \\ \t\n é 😀";

    @Test
    void markupCharactersAndLineSeparatorsAreEscaped() {
        String json = ScriptJson.toJson(Map.of("code", HOSTILE));

        for (String raw : List.of("<", ">", "&", "\u2028", "\u2029")) {
            assertFalse(json.contains(raw), () -> "raw " + raw + " in " + json);
        }
        assertTrue(json.contains("\\u003c/script\\u003e"), json);
        assertTrue(json.contains("\\u0026"), json);
        assertTrue(json.contains("\\u2028\\u2029"), json);
    }

    @Test
    void escapedJsonReadsBackToTheSameValues() throws Exception {
        Map<String, Object> value = Map.of("code", HOSTILE, "list", List.of(1, 2.5, true, "<b>"), "nested", Map.of("k<", "v>"));

        Object back = new ObjectMapper().readValue(ScriptJson.toJson(value), Map.class);

        assertEquals(value, back);
    }

    @Test
    void nonJsonValuesBecomeStringsInsteadOfFailing() {
        Object value = Map.of("path", Path.of("a/b"), "nan", Double.NaN, 7, List.of(new StringBuilder("x<")));

        String json = ScriptJson.toJson(value);

        assertTrue(json.contains("\"path\":\"a/b\""), json);
        assertTrue(json.contains("\"nan\":\"NaN\""), json);
        assertTrue(json.contains("\"7\":[\"x\\u003c\"]"), json);
    }

    @Test
    void deeplyNestedValuesAreCutOffNotOverflowed() {
        Object deep = "leaf";
        for (int i = 0; i < 10_000; i++) {
            deep = List.of(deep);
        }

        String json = ScriptJson.toJson(deep);

        assertTrue(json.startsWith("[".repeat(32) + "\"["), "arrays stop at depth 32, the rest is text: " + json.substring(0, 40));
    }
}
