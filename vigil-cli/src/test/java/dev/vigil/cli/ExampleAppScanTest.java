package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, {@code vigil scan examples}, on the bundled example application, with
 * SARIF output as CI would upload it.
 */
class ExampleAppScanTest {

    /** Surefire runs in the module directory; the example app is at the repository root. */
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Test
    void scanOfTheExampleAppFindsFlowsAndWritesSchemaValidSarif() throws Exception {
        assertTrue(Files.isDirectory(EXAMPLES), "the example app is missing at " + EXAMPLES);
        CliRun run = CliRun.run("scan", EXAMPLES.toString(), "--format", "sarif", "--quiet");
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertEquals("", run.err());

        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertEquals(java.util.List.of(), SarifSchema.violations(sarif));
        JsonNode runNode = sarif.path("runs").path(0);
        Path root = Path.of(URI.create(runNode.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText()));
        assertEquals(EXAMPLES, root);

        Set<String> rules = new HashSet<>();
        int withFlows = 0;
        for (JsonNode result : runNode.path("results")) {
            rules.add(result.path("ruleId").asText());
            String uri = result.path("locations").path(0).path("physicalLocation").path("artifactLocation")
                    .path("uri").asText();
            assertTrue(Files.isRegularFile(root.resolve(uri)), "result points at a real file: " + uri);
            if (result.path("codeFlows").path(0).path("threadFlows").path(0).path("locations").size() >= 2) {
                withFlows++;
            }
        }
        assertTrue(rules.contains("java/sql-injection"), rules.toString());
        assertTrue(withFlows > 0, "taint findings carry their source-to-sink path");
    }
}
