package dev.vigil.llm.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    private static final String SCHEMA = """
            {"type":"object","required":["verdict","confidence","tags"],"additionalProperties":false,
             "properties":{"verdict":{"type":"string","enum":["yes","no"]},
                           "confidence":{"type":"number","minimum":0,"maximum":1},
                           "tags":{"type":"array","maxItems":2,"items":{"type":"string","maxLength":3}}}}""";

    @Test
    void acceptsAValidAnswer() throws Exception {
        assertEquals(List.of(), SchemaCheck.validate(json(SCHEMA), json("{\"verdict\":\"yes\",\"confidence\":0.5,\"tags\":[\"a\"]}")));
    }

    @Test
    void reportsEveryViolationWithItsPath() throws Exception {
        List<String> errors = SchemaCheck.validate(json(SCHEMA),
                json("{\"verdict\":\"maybe\",\"confidence\":1.5,\"tags\":[\"long one\",2,\"c\"],\"extra\":true}"));
        assertTrue(errors.contains("$.verdict: \"maybe\" is not one of [\"yes\",\"no\"]"), errors.toString());
        assertTrue(errors.contains("$.confidence: 1.5 is greater than the maximum 1"), errors.toString());
        assertTrue(errors.contains("$.tags: more than 2 items"), errors.toString());
        assertTrue(errors.contains("$.tags[0]: longer than 3 characters"), errors.toString());
        assertTrue(errors.contains("$.tags[1]: expected string, found a number"), errors.toString());
        assertTrue(errors.contains("$.extra: property is not allowed"), errors.toString());

        assertEquals(List.of("$: expected object, found an array"), SchemaCheck.validate(json(SCHEMA), json("[]")));
        assertEquals(List.of("$: required property 'verdict' is missing"),
                SchemaCheck.validate(json(SCHEMA), json("{\"confidence\":0,\"tags\":[]}")));
    }
}
