package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCweMapTest {

    private final ToolResults tool = new ToolResults("T", "t.sarif", List.of(
            new ToolResult("A.java", Set.of(), "SQL_INJECTION_JDBC", 3),
            new ToolResult("B.java", Set.of(79), "XSS_SERVLET", 4),
            new ToolResult("C.java", Set.of(), "a=b", 5)), List.of());

    @Test
    void addsCwesByExactRuleId() {
        RuleCweMap map = RuleCweMap.parse(List.of("SQL_INJECTION_JDBC=89", "XSS_SERVLET=CWE-80", "a=b=116", "SQL_INJECTION_JDBC=564"));
        ToolResults mapped = map.apply(tool);
        assertEquals(Set.of(89, 564), mapped.results().get(0).cwes());
        assertEquals(Set.of(79, 80), mapped.results().get(1).cwes(), "mapping adds, never removes");
        assertEquals(Set.of(116), mapped.results().get(2).cwes(), "the CWE follows the last '='");
        assertSame(tool, RuleCweMap.none().apply(tool));
    }

    @Test
    void badSpecsNameTheSpec() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleCweMap.parse(List.of("SQLI")));
        assertEquals("rule CWE 'SQLI' must look like RULE_ID=89", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuleCweMap.parse(List.of("=89")));
        assertThrows(IllegalArgumentException.class, () -> RuleCweMap.parse(List.of("SQLI=sql")));
    }
}
