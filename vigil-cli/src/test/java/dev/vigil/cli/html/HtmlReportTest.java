package dev.vigil.cli.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as text: what it embeds and what it must never contain. The browser test checks behavior. */
class HtmlReportTest {

    @TempDir
    Path root;

    private String html;

    @BeforeEach
    void render() throws Exception {
        ReportFixtures.writeProject(root);
        html = ReportFixtures.render(ReportFixtures.sample(), root);
    }

    private JsonNode data() throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"vigil-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "data block present");
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void plantedMarkupNeverAppearsRaw() {
        assertFalse(html.contains("<img"), "no img tag anywhere in the page");
        assertFalse(html.contains("onerror=\"window"), "payload is escaped");
        assertEquals(2, count(html, "</script>"), "only the page's own two script elements end");
    }

    @Test
    void loadsNothingFromTheNetwork() {
        String markup = html.replaceAll("(?s)<script type=\"application/json\" id=\"vigil-data\">.*?</script>", "");
        assertFalse(markup.contains("http://") || markup.contains("https://"), "no absolute URL outside the data");
        assertFalse(Pattern.compile("\\b(src|href)\\s*=").matcher(markup).find(), "no src or href attribute");
        assertTrue(html.contains("default-src 'none'"));
    }

    @Test
    void cspAdmitsExactlyTheInlineScriptAndStyle() {
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find() && style.find());
        assertTrue(html.contains("script-src '" + HtmlReport.sha256(script.group(1)) + "'"));
        assertTrue(html.contains("style-src '" + HtmlReport.sha256(style.group(1)) + "'"));
    }

    @Test
    void embedsFindingsRulesMetadataAndCode() throws Exception {
        JsonNode data = data();

        JsonNode sql = data.get("findings").get(0);
        assertEquals("java/sql-injection", sql.get("rule").asText());
        assertTrue(sql.get("msg").asText().endsWith(ReportFixtures.PAYLOAD), "message survives unchanged");
        assertEquals(List.of("source", "step", "step", "sink"),
                sql.get("steps").findValuesAsText("kind"));
        assertEquals("true-positive", sql.at("/triage/verdict").asText());
        assertEquals(0.92, sql.at("/triage/confidence").asDouble());
        assertEquals("the /users endpoint is reachable without login", sql.at("/triage/preconditions/0").asText());
        assertEquals(3, sql.at("/triage/samples").asInt());
        assertTrue(sql.at("/fix/diff").asText().contains("+        st.setString(1, name);"));
        assertTrue(data.at("/rules/java~1sql-injection/help").asText().contains("```java"));

        JsonNode dao = data.at("/files/src~1main~1java~1com~1acme~1data~1UserDao.java/lines");
        assertTrue(dao.get("6").asText().contains(ReportFixtures.PAYLOAD), "code around the sink, payload included");
        assertTrue(dao.get("9").asText().contains("executeQuery"));
        assertTrue(data.at("/files/src~1main~1java~1com~1acme~1gone~1Files.java/missing").asText().startsWith("file not found"));

        assertEquals("qwen3-coder-30b", data.at("/scan/properties/model/name").asText());
        assertEquals(0.0027, data.at("/scan/properties/modelUsage/1/costUsd").asDouble());
        assertEquals(3, data.at("/scan/filesScanned").asInt());
        assertEquals("2026-11-30T05:00:00Z", data.get("generatedAt").asText());
        assertEquals("in_source", data.get("findings").get(3).at("/suppressed/kind").asText());
        assertEquals(1, data.get("notifications").size());
    }

    @Test
    void findingWithoutFlowShowsItsLocationAsTheSink() throws Exception {
        JsonNode weak = data().get("findings").get(1);
        assertEquals(1, weak.get("steps").size());
        assertEquals("sink", weak.get("steps").get(0).get("kind").asText());
        assertEquals(5, weak.get("steps").get(0).get("line").asInt());
    }

    @Test
    void malformedTriageAndFixPropertiesAreDroppedNotFatal() throws Exception {
        var odd = ReportFixtures.weakHash()
                .withProperty("triage", java.util.Map.of("verdict", 42, "confidence", "high", "reasoning", List.of("x")))
                .withProperty("fix", java.util.Map.of("patch", "not a diff"));
        var notAMap = ReportFixtures.missingFile().withProperty("triage", "true-positive");
        html = ReportFixtures.render(ReportFixtures.result(List.of(odd, notAMap)), root);

        JsonNode findings = data().get("findings");
        assertEquals("{\"verdict\":\"42\"}", findings.get(0).get("triage").toString(), "only well-typed keys kept");
        assertTrue(findings.get(0).path("fix").isMissingNode());
        assertTrue(findings.get(1).path("triage").isMissingNode());
    }

    @Test
    void toHtmlMatchesWriteAndANullBaseIsTheWorkingDirectory() throws Exception {
        var report = new HtmlReport(java.time.Clock.fixed(java.time.Instant.parse("2026-11-30T05:00:00Z"), java.time.ZoneOffset.UTC));

        assertEquals(html, report.toHtml(ReportFixtures.sample(), ReportFixtures.rules(), root));
        html = report.toHtml(ReportFixtures.sample(), ReportFixtures.rules(), null);
        assertTrue(data().at("/files/src~1main~1java~1com~1acme~1data~1UserDao.java/missing").asText().startsWith("file not found"));
    }

    @Test
    void emptyScanStillRenders() throws Exception {
        html = ReportFixtures.render(new dev.vigil.core.scan.ScanResult(List.of(), List.of(), List.of(), 0, 0, null, 0, true, null),
                root.resolve("does-not-exist"));

        JsonNode data = data();
        assertEquals(0, data.get("findings").size());
        assertTrue(data.at("/scan/startedAt").isNull());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
