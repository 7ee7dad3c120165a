package dev.vigil.core.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The machine-readable scorecard. Rates are fractions in [0, 1] (score in [-1, 1]) at full double
 * precision, never rounded, so another program can compare them exactly:
 *
 * <pre>
 * {"expected": {"file": ..., "testCases": n}, "cweEquivalences": ["327=328"],
 *  "tools": [{"name": ..., "source": ...,
 *             "overall": {"tpr", "fpr", "score", "precision", "f1", "tp", "fn", "fp", "tn"},
 *             "categories": {"sqli": {"cwe", "tp", "fn", "fp", "tn", "tpr", "fpr", "score", "precision", "f1"}},
 *             "results": {"matched": n, "ignored": n}}]}
 * </pre>
 */
public final class ScorecardJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScorecardJson() {
    }

    public static String render(BenchReport report) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode expected = root.putObject("expected");
        expected.put("file", report.expectedSource());
        expected.put("testCases", report.testCases());
        ArrayNode eq = root.putArray("cweEquivalences");
        report.equivalences().forEach(eq::add);
        ArrayNode tools = root.putArray("tools");
        for (Scorecard s : report.scorecards()) {
            ObjectNode tool = tools.addObject();
            tool.put("name", s.tool());
            tool.put("source", s.source());
            ObjectNode overall = tool.putObject("overall");
            overall.put("tpr", s.tpr());
            overall.put("fpr", s.fpr());
            overall.put("score", s.score());
            overall.put("precision", s.precision());
            overall.put("f1", s.f1());
            putCounts(overall, s.totals());
            ObjectNode categories = tool.putObject("categories");
            for (CategoryScore c : s.categories()) {
                ObjectNode cat = categories.putObject(c.category());
                cat.put("cwe", c.cwe());
                putCounts(cat, c.counts());
                cat.put("tpr", c.counts().tpr());
                cat.put("fpr", c.counts().fpr());
                cat.put("score", c.counts().score());
                cat.put("precision", c.counts().precision());
                cat.put("f1", c.counts().f1());
            }
            ObjectNode results = tool.putObject("results");
            results.put("matched", s.resultsMatched());
            results.put("ignored", s.resultsIgnored());
        }
        return write(root);
    }

    private static void putCounts(ObjectNode node, Counts c) {
        node.put("tp", c.tp());
        node.put("fn", c.fn());
        node.put("fp", c.fp());
        node.put("tn", c.tn());
    }

    static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tree of plain values", e);
        }
    }
}
