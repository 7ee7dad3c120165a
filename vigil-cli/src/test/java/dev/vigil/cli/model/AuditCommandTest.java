package dev.vigil.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    @Test
    void reportsModelFoundFindingsInSarifAndExitsOne(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("src/bank"));
        Files.writeString(project.resolve("src/bank/AccountController.java"), """
                package bank;

                @RestController
                public class AccountController {

                    @GetMapping("/accounts/{id}")
                    public Account show(@PathVariable long id) {
                        return accounts.findById(id);
                    }
                }
                """);
        try (LoopbackModelServer server = new LoopbackModelServer(req -> {
            if (req.path("messages").size() > 2) {
                return LoopbackModelServer.answer("One IDOR reported.", 100, 5);
            }
            ObjectNode root = LoopbackModelServer.JSON.createObjectNode();
            ObjectNode msg = root.putArray("choices").addObject().put("finish_reason", "tool_calls").putObject("message");
            msg.put("role", "assistant").putNull("content");
            msg.putArray("tool_calls").addObject().put("id", "c1").put("type", "function").putObject("function")
                    .put("name", "report_finding").put("arguments", """
                            {"rule":"ai/idor","title":"any account readable by id","file":"src/bank/AccountController.java",
                             "line":8,"severity":"high","confidence":0.8,"reasoning":"no ownership check",
                             "evidence":[{"file":"src/bank/AccountController.java","line":7,"note":"id from the path"}]}""");
            root.putObject("usage").put("prompt_tokens", 300).put("completion_tokens", 40);
            return new LoopbackModelServer.Reply(200, root.toString());
        })) {
            TriageCommandTest.Result r = TriageCommandTest.vigil(project, Map.of("VIGIL_MODEL_BASE_URL", server.baseUrl(),
                    "VIGIL_MODEL", "qwen"), "audit", "--output", "audit.sarif");

            assertEquals(ExitCodes.FINDINGS, r.exitCode(), r.err());
            assertTrue(r.err().contains("audit: 1 Java files, 1 entry points"), r.err());
            JsonNode run = LoopbackModelServer.JSON.readTree(project.resolve("audit.sarif").toFile()).path("runs").path(0);
            JsonNode result = run.path("results").path(0);
            assertEquals("ai/idor", result.path("ruleId").asText());
            assertEquals("model", result.path("properties").path("origin").asText());
            assertTrue(result.path("message").path("text").asText().startsWith("[model-found]"));
            assertEquals(1, run.path("properties").path("audit").path("audited").asInt());
            assertEquals(2, server.requestCount());
        }
    }
}
