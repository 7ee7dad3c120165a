package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code vigil rules}, {@code vigil explain} and the help of every command, against the real rule catalog. */
class RulesAndExplainTest {

    @Test
    void rulesListsTheCatalogAsATable() {
        CliRun run = CliRun.run("rules");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].matches("ID\\s+CWE\\s+SEVERITY\\s+NAME"), lines[0]);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("java/weak-hash\\s+CWE-328\\s+medium\\s+.+")),
                run.out());
    }

    @Test
    void rulesAsJson() throws Exception {
        CliRun run = CliRun.run("rules", "--format", "json");
        JsonNode rules = new ObjectMapper().readTree(run.out());
        assertTrue(rules.isArray());
        JsonNode weakHash = null;
        for (JsonNode r : rules) {
            if (r.path("id").asText().equals("java/weak-hash")) {
                weakHash = r;
            }
        }
        assertTrue(weakHash != null, run.out());
        assertEquals(328, weakHash.path("cwe").asInt());
        assertEquals("medium", weakHash.path("severity").asText());
    }

    @Test
    void explainPrintsDescriptionAndHelp() {
        CliRun run = CliRun.run("explain", "java/weak-hash");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("java/weak-hash - "), run.out());
        assertTrue(run.out().contains("CWE-328, default severity medium"), run.out());
        assertTrue(run.out().lines().count() > 5, "full description and help: " + run.out());
    }

    @Test
    void explainOfAnUnknownRuleSuggestsTheClosestIds() {
        CliRun run = CliRun.run("explain", "java/weak-hsh");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("unknown rule 'java/weak-hsh'. Did you mean: java/weak-hash"), run.err());
        assertEquals(List.of("java/sql-injection"),
                ExplainCommand.closest("sql", List.of("java/sql-injection", "java/weak-hash")));
        assertEquals(List.of(), ExplainCommand.closest("completely-else", List.of("java/weak-hash")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "rules", "explain"})
    void everySubcommandsHelpShowsAnExample(String command) {
        CliRun run = CliRun.run(command, "--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().contains("Examples:\n  vigil " + command), run.out());
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.run("--version");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("vigil " + VersionProvider.version()), run.out());
        assertTrue(!VersionProvider.version().equals("unknown"));
    }
}
