package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifResultsTest {

    @TempDir
    Path dir;

    @Test
    void readsCodeqlShape() throws Exception {
        ToolResults r = BenchFixtures.codeql();
        assertEquals("CodeQL", r.tool());
        assertEquals("codeql-shape.sarif", r.source());
        assertEquals(10, r.results().size());
        ToolResult first = r.results().get(0);
        assertEquals(new ToolResult("src/main/java/org/example/bench/SqlCase001.java", Set.of(89, 564), "java/sql-injection", 40), first);
        // location given as an index into run.artifacts
        assertEquals(new ToolResult("src/main/java/org/example/bench/PathCase001.java", Set.of(22, 23), "java/path-injection", 70),
                r.results().get(7));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void readsSemgrepShapeAndSkipsNonFindings() throws Exception {
        ToolResults r = BenchFixtures.semgrep();
        assertEquals(List.of(
                new ToolResult("C:/bench/src/SqlCase002.java", Set.of(89), "java.lang.security.audit.formatted-sql-string", 58),
                new ToolResult("C:/bench/src/sqlcase004.java", Set.of(89), "java.lang.security.audit.formatted-sql-string", 44),
                new ToolResult("src/main/HashCase002.java", Set.of(328), "java.lang.security.audit.crypto.use-of-md5", 29),
                new ToolResult("src/main/CryptoCase002.java", Set.of(327), "CWE-327", 35)), r.results());
        assertEquals(List.of("semgrep-shape.sarif: 1 result(s) without a file location were ignored"), r.warnings());
    }

    @Test
    void findsCweInExtensionsResultTaxaPropertiesGuidsAndHierarchicalIds() throws Exception {
        ToolResults r = parse("""
                {"version": "2.1.0", "runs": [{
                  "tool": {
                    "driver": {"name": "Multi", "rules": [{"id": "core"}]},
                    "extensions": [{"name": "pack", "rules": [
                      {"id": "pack/xxe", "relationships": [{"target": {"guid": "AAAA-611", "toolComponent": {"index": 0}}}]},
                      {"id": "pack/ldap", "relationships": [{"target": {"id": "CWE-90", "toolComponent": {"index": 0}}}]},
                      {"id": "pack/other", "relationships": [{"target": {"id": "42", "toolComponent": {"name": "OWASP"}}}]}
                    ]}]
                  },
                  "taxonomies": [{"name": "CWE", "taxa": [{"id": "611", "guid": "aaaa-611"}]}],
                  "results": [
                    {"rule": {"id": "pack/xxe", "index": 0, "toolComponent": {"index": 0}}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "A.java"}}}]},
                    {"ruleId": "pack/ldap/variant-2", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "B.java"}, "region": {"startLine": 3}}}]},
                    {"ruleId": "core", "taxa": [{"id": "643", "toolComponent": {"index": 0}}], "locations": [{"physicalLocation": {"artifactLocation": {"uri": "C.java"}}}]},
                    {"ruleId": "core", "properties": {"cwe": 79, "CWE_IDS": "CWE-80, CWE-81"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "D.java"}}}]},
                    {"ruleId": "pack/other", "rule": {"toolComponent": {"name": "pack"}, "index": 2}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "E.java"}}}]},
                    {"ruleId": "custom/cwe-918-ssrf", "baselineState": "new", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "F.java"}}}]},
                    {"ruleId": "core", "properties": {"tags": ["cwe-89"]}, "baselineState": "absent", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "G.java"}}}]},
                    {"ruleId": "core", "properties": {"tags": ["CWE:502"]}, "suppressions": [{"kind": "external", "status": "rejected"}], "locations": [{"physicalLocation": {"artifactLocation": {"uri": "H.java"}}}]}
                  ]
                }]}
                """);
        assertEquals(List.of(
                new ToolResult("A.java", Set.of(611), "pack/xxe", 0),
                new ToolResult("B.java", Set.of(90), "pack/ldap/variant-2", 3),
                new ToolResult("C.java", Set.of(643), "core", 0),
                new ToolResult("D.java", Set.of(79, 80, 81), "core", 0),
                new ToolResult("E.java", Set.of(), "pack/other", 0),
                new ToolResult("F.java", Set.of(918), "custom/cwe-918-ssrf", 0),
                new ToolResult("H.java", Set.of(502), "core", 0)), r.results());
    }

    @Test
    void mergesRunsAndNamesTheToolAfterTheirDrivers() throws Exception {
        ToolResults r = parse("""
                {"runs": [
                  {"tool": {"driver": {"name": "A"}}, "results": [{"ruleId": "cwe-89", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "X.java"}}}]}]},
                  {"tool": {"driver": {"name": "B"}}, "results": []},
                  {"tool": {"driver": {"name": "A"}}}
                ]}
                """);
        assertEquals("A+B", r.tool());
        assertEquals(1, r.results().size());

        ToolResults unnamed = parse("{\"runs\": [{\"tool\": {\"driver\": {}}, \"results\": []}]}");
        assertEquals("in", unnamed.tool(), "falls back to the file name without extension");
    }

    @Test
    void toleratesOddValues() throws Exception {
        ToolResults r = parse("""
                {"runs": [{"tool": {"driver": {"name": "Odd", "rules": [{"id": 5, "properties": {"tags": "not-an-array", "cwe": {"x": 1}}}]}},
                  "results": [
                    {"ruleId": 5, "ruleIndex": 7, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "Y.java"}, "region": {"startLine": "ten"}}}]},
                    {"ruleId": null, "locations": [{"physicalLocation": {"artifactLocation": {"index": 99}}}]},
                    "not an object"
                  ]}]}
                """);
        assertEquals(List.of(new ToolResult("Y.java", Set.of(), "5", 0)), r.results());
        assertEquals(List.of("in.sarif: 2 result(s) without a file location were ignored",
                "in.sarif: 1 result(s) name no CWE and cannot flag a test case (assign CWEs to their rules with --rule-cwe RULE=CWE)"),
                r.warnings());
    }

    @Test
    void badFilesAreClearErrors() throws Exception {
        Path broken = dir.resolve("broken.sarif");
        Files.writeString(broken, "{\n  \"runs\": [\n    {,\n");
        BenchInputException e = assertThrows(BenchInputException.class, () -> SarifResults.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ":3:6: not valid JSON"), e.getMessage());

        Path notSarif = dir.resolve("other.json");
        Files.writeString(notSarif, "{\"findings\": []}");
        BenchInputException e2 = assertThrows(BenchInputException.class, () -> SarifResults.read(notSarif));
        assertEquals("other.json: not a SARIF log (no 'runs' array)", e2.getMessage());

        BenchInputException e3 = assertThrows(BenchInputException.class, () -> SarifResults.read(dir.resolve("gone.sarif")));
        assertTrue(e3.getMessage().endsWith("gone.sarif: SARIF file not found"), e3.getMessage());
    }

    @Test
    void cweTextPatterns() {
        assertEquals(Set.of(89), SarifResults.cwesInText("external/cwe/cwe-089"));
        assertEquals(Set.of(79, 80), SarifResults.cwesInText("CWE-79 and CWE_80"));
        assertEquals(Set.of(), SarifResults.cwesInText("newcwe-89"));
        assertEquals(Set.of(), SarifResults.cwesInText("java/sql-injection"));
    }

    private ToolResults parse(String json) throws Exception {
        Path f = dir.resolve("in.sarif");
        Files.writeString(f, json);
        return SarifResults.read(f);
    }
}
