package dev.vigil.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil scan --triage}: the real scan's findings get the model's verdicts, none is dropped. */
class ScanTriageTest {

    private static final String TP = "{\"verdict\":\"true-positive\",\"confidence\":0.8,\"reasoning\":\"name reaches the query\","
            + "\"exploitPreconditions\":[\"any request\"]}";

    @Test
    void verdictsLandOnTheScannedFindingsAndTheKeyNeverLeaks(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("src/app"));
        Files.writeString(project.resolve("src/app/Search.java"), """
                package app;
                import javax.servlet.http.*;
                public class Search extends HttpServlet {
                    java.sql.Connection conn;
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
                        String name = req.getParameter("name");
                        conn.createStatement().executeQuery("SELECT * FROM t WHERE n = '" + name + "'");
                    }
                }
                """);
        try (LoopbackModelServer server = new LoopbackModelServer(req -> LoopbackModelServer.answer(TP, 300, 40))) {
            Files.writeString(project.resolve("vigil.yaml"), """
                    models:
                      profiles:
                        local:
                          base-url: %s
                          model: open-weights
                          api-key-env: SCAN_TRIAGE_KEY
                      stages:
                        triage: [local]
                    """.formatted(server.baseUrl()));
            String key = "sk-scan-triage-0123456789";
            TriageCommandTest.Result r = TriageCommandTest.vigil(project, Map.of("SCAN_TRIAGE_KEY", key),
                    "scan", ".", "--triage", "--format", "sarif", "-o", "out.sarif");
            assertEquals(ExitCodes.FINDINGS, r.exitCode(), r.err());
            assertEquals(1, server.requestCount());
            JsonNode results = LoopbackModelServer.JSON.readTree(project.resolve("out.sarif").toFile())
                    .path("runs").path(0).path("results");
            assertEquals(1, results.size());
            assertEquals("java/sql-injection", results.path(0).path("ruleId").asText());
            assertEquals("true-positive", results.path(0).path("properties").path("triage").path("verdict").asText());
            String sarif = Files.readString(project.resolve("out.sarif"));
            assertFalse(sarif.contains(key) || r.err().contains(key) || r.out().contains(key));
            assertTrue(r.err().contains("triage: 1 findings, 1 triaged"), r.err());
        }
    }
}
