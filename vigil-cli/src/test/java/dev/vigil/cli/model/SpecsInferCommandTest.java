package dev.vigil.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecsInferCommandTest {

    @Test
    void inferredSinkIsWrittenWithProvenanceAndTheNextScanFindsTheFlow(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("src/shop"));
        Files.writeString(project.resolve("src/shop/SearchServlet.java"), """
                package shop;

                import com.acme.db.QueryRunner;
                import javax.servlet.http.HttpServlet;
                import javax.servlet.http.HttpServletRequest;
                import javax.servlet.http.HttpServletResponse;

                public class SearchServlet extends HttpServlet {
                    private final QueryRunner runner = new QueryRunner();

                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
                        String q = req.getParameter("q");
                        runner.run("select * from items where name = '" + q + "'");
                    }
                }
                """);
        Pattern id = Pattern.compile("id (\\d+): com\\.acme\\.db\\.QueryRunner\\.run with 1 parameter");
        try (LoopbackModelServer server = new LoopbackModelServer(req -> {
            Matcher m = id.matcher(LoopbackModelServer.userText(req));
            StringBuilder labels = new StringBuilder();
            for (int i = 1; i <= 8; i++) {
                boolean sink = m.find(0) && Integer.parseInt(m.group(1)) == i;
                if (!LoopbackModelServer.userText(req).contains("id " + i + ":")) {
                    break;
                }
                labels.append(labels.isEmpty() ? "" : ",").append(sink
                        ? "{\"id\":" + i + ",\"role\":\"sink\",\"rule\":\"java/sql-injection\",\"position\":\"arg0\",\"confidence\":0.9,\"reason\":\"executes SQL\"}"
                        : "{\"id\":" + i + ",\"role\":\"none\",\"confidence\":0.9,\"reason\":\"not security relevant\"}");
            }
            return LoopbackModelServer.answer("{\"labels\":[" + labels + "]}", 500, 80);
        })) {
            TriageCommandTest.Result r = TriageCommandTest.vigil(project, Map.of("VIGIL_MODEL_BASE_URL", server.baseUrl(),
                    "VIGIL_MODEL", "qwen"), "specs", "infer");

            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
            String yaml = Files.readString(project.resolve(".vigil/models/inferred.yml"));
            assertTrue(yaml.contains("{type: com.acme.db.QueryRunner, method: run, arity: 1, input: arg0, rule: java/sql-injection"), yaml);
            assertTrue(yaml.contains("# inferred ") && yaml.contains("by qwen (profile env), confidence 0.90: executes SQL"), yaml);
            assertTrue(r.err().contains("specs: 1 rows written to .vigil/models/inferred.yml"), r.err());
            assertTrue(r.err().contains("the inferred rows produce 1 new finding(s)"), r.err());
            assertTrue(r.err().contains("java/sql-injection src/shop/SearchServlet.java:14"), r.err());

            TriageCommandTest.Result scan = TriageCommandTest.vigil(project, Map.of(), "scan", "--format", "sarif");
            assertTrue(scan.out().contains("java/sql-injection"), scan.out());
        }
    }
}
