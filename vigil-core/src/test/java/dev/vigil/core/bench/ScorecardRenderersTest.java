package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ScorecardRenderersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchReport report;

    @BeforeEach
    void scoreBothTools() throws Exception {
        ExpectedResults expected = BenchFixtures.expected();
        CweEquivalence eq = CweEquivalence.parse(List.of("327=328"));
        Scorer scorer = new Scorer(eq);
        // a tool name with markup and table syntax must not break any format
        ToolResults hostile = BenchFixtures.semgrep().withTool("<b>Tool</b> | \"A&B\"");
        report = new BenchReport("expected.csv", expected.testCases().size(),
                List.of(scorer.score(expected, BenchFixtures.codeql()), scorer.score(expected, hostile)), eq.describe());
    }

    @Test
    void jsonMatchesTheDocumentedSchemaAndCarriesExactFractions() throws Exception {
        String json = ScorecardJson.render(report);
        JsonNode root = JSON.readTree(json);

        JsonSchema schema;
        try (InputStream in = ScorecardJson.class.getResourceAsStream("scorecard.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(root);
        assertEquals(Set.of(), errors);

        JsonNode codeql = root.path("tools").path(0);
        assertEquals("CodeQL", codeql.path("name").asText());
        assertEquals(0.7, codeql.path("overall").path("tpr").asDouble(), 1e-12);
        assertEquals(List.of("crypto", "hash", "pathtraver", "redirect", "sqli"), fieldNames(codeql.path("categories")));
        JsonNode hash = codeql.path("categories").path("hash");
        assertEquals(328, hash.path("cwe").asInt());
        assertEquals(1, hash.path("fp").asInt(), "327=328 makes the weak-cipher result in HashCase002 count");
        assertEquals(2.0 / 3, hash.path("f1").asDouble(), 1e-15);
        assertEquals("327=328", root.path("cweEquivalences").path(0).asText());
        assertEquals(10, root.path("expected").path("testCases").asInt());
    }

    @Test
    void schemaRejectsAMalformedScorecard() throws Exception {
        JsonSchema schema;
        try (InputStream in = ScorecardJson.class.getResourceAsStream("scorecard.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode bad = JSON.readTree(ScorecardJson.render(report).replace("\"tpr\" : 0.7,", "\"tpr\" : 70,"));
        assertTrue(!schema.validate(bad).isEmpty(), "a percentage instead of a fraction must fail the schema");
    }

    @Test
    void htmlIsWellFormedAndHasOnePointPerToolAndCategory() throws Exception {
        String html = ScorecardHtml.render(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

        var xpath = XPathFactory.newInstance().newXPath();
        NodeList circles = (NodeList) xpath.evaluate("//*[local-name()='circle']", doc, XPathConstants.NODESET);
        assertEquals(2 * 5, circles.getLength());
        NodeList tables = (NodeList) xpath.evaluate("//table", doc, XPathConstants.NODESET);
        assertEquals(1 + 1 + 2, tables.getLength(), "overall, by category, one detail table per tool");
        assertTrue(html.contains("&lt;b&gt;Tool&lt;/b&gt; | &quot;A&amp;B&quot;"));
        assertTrue(!html.contains("<b>Tool"), "tool names are escaped");
        assertTrue(!html.contains("<script"), "self-contained, no scripts");
    }

    @Test
    void textAndMarkdownShowBothToolsSideBySide() {
        String text = ScorecardText.text(report);
        assertTrue(text.contains("Scorecard for expected.csv (10 test cases; CWE equivalences 327=328)"), text);
        String overallRow = text.lines().filter(l -> l.startsWith("CodeQL ")).findFirst().orElseThrow();
        assertTrue(overallRow.matches("CodeQL\\s+70\\.00%\\s+50\\.00%\\s+20\\.00%.*"), overallRow);
        String sqliRow = text.lines().filter(l -> l.startsWith("sqli (89)")).findFirst().orElseThrow();
        assertTrue(sqliRow.contains("0.00% (50.00%/50.00%)"), sqliRow);

        String md = ScorecardText.markdown(report);
        assertTrue(md.contains("| Tool | TPR | FPR | Score | Precision | F1 | TP | FN | FP | TN |"), md);
        assertTrue(md.contains("<b>Tool</b> \\| \"A&B\""), "pipes in names are escaped");
        long tableRowsWithWrongCellCount = md.lines().filter(l -> l.startsWith("| Category (CWE)"))
                .filter(l -> l.split("(?<!\\\\)\\|").length != 4).count();
        assertEquals(0, tableRowsWithWrongCellCount);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
