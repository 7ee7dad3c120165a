package dev.vigil.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.core.bench.BenchInputException;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelSetTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("labels.json"), json);
    }

    private List<String> problems(String json) throws IOException {
        Path file = write(json);
        return assertThrows(BenchInputException.class, () -> LabelSet.read(file)).problems();
    }

    @Test
    void readsLabelsAndResolvesPathsAgainstTheLabelsFile() throws Exception {
        LabelSet set = LabelSet.read(write("""
                {"version": 1, "project": "src", "extra": {"ignored": [1, 2]}, "findings": [
                  {"id": "a", "ruleId": "java/xss", "file": "web\\\\Page.java", "line": 7, "label": "true-positive"},
                  {"fingerprint": "abc", "label": "false-positive", "note": "constant"}
                ]}
                """));
        assertEquals(dir.resolve("src").toAbsolutePath(), set.project());
        assertNull(set.sarif());
        assertEquals(2, set.labels().size());
        assertEquals("web/Page.java", set.labels().get(0).file());
        assertEquals(LabelSet.Truth.TRUE_POSITIVE, set.labels().get(0).truth());
        assertEquals("#2", set.labels().get(1).id());
        assertEquals(3, set.labels().get(1).sourceLine());
    }

    @Test
    void reportsEveryProblemWithItsLine() throws Exception {
        List<String> problems = problems("""
                {"version": 2, "project": "src", "findings": [
                  {"id": "a", "ruleId": "java/xss", "file": "A.java", "line": 1, "label": "true-positive"},
                  {"id": "a", "ruleId": "java/xss", "file": "A.java", "line": 2, "label": "true-positive"},
                  {"id": "b", "file": "A.java", "line": 0, "label": "TP"},
                  "c"
                ]}
                """);
        Path file = dir.resolve("labels.json");
        assertEquals(List.of(
                file + ":1: unsupported 'version' (this Vigil reads version 1)",
                file + ":3: duplicate id 'a'",
                file + ":4: finding b: needs 'ruleId' (or a 'fingerprint')",
                file + ":4: finding b: needs a positive 'line' (or a 'fingerprint')",
                file + ":4: finding b: 'label' must be true-positive or false-positive, not 'TP'",
                file + ":5: a finding must be a JSON object"), problems);
    }

    @Test
    void rejectsFilesWithoutProjectOrFindings() throws Exception {
        Path file = dir.resolve("labels.json");
        assertEquals(List.of(file + ": missing 'project' (the directory the labelled files are relative to)",
                file + ": no labelled findings"), problems("{\"version\": 1}"));
        assertEquals(List.of(file + ":1: expected a JSON object with 'version', 'project' and 'findings'"), problems("[]"));
        assertEquals(List.of(file + ":1: 'findings' must be an array"), problems("{\"project\": \".\", \"findings\": {}}"));
    }

    @Test
    void matchesByFingerprintFirstThenByRuleFileAndLine() throws Exception {
        Finding sqli = Finding.of("java/sql-injection", 89, Severity.HIGH, "m", Location.line("a/Dao.java", 12), "Dao.find", List.of());
        Finding xss = Finding.of("java/xss", 79, Severity.MEDIUM, "m", Location.line("a/Page.java", 3), "Page.show", List.of());
        LabelSet set = LabelSet.read(write("""
                {"project": ".", "findings": [
                  {"id": "by-place", "ruleId": "java/sql-injection", "file": "./a/Dao.java", "line": 12, "label": "true-positive"},
                  {"id": "by-print", "fingerprint": "%s", "ruleId": "java/xss", "file": "moved.java", "line": 99, "label": "false-positive"},
                  {"id": "other-line", "ruleId": "java/sql-injection", "file": "a/Dao.java", "line": 13, "label": "true-positive"}
                ]}
                """.formatted(xss.fingerprint())));
        TriageLeaderboard.Matching m = TriageLeaderboard.match(set.labels(), List.of(sqli, xss));
        assertEquals(List.of("by-place", "by-print"), m.matches().stream().map(x -> x.label().id()).toList());
        assertEquals(sqli, m.matches().get(0).finding());
        assertEquals(xss, m.matches().get(1).finding());
        assertEquals(List.of("other-line"), m.unmatched().stream().map(LabelSet.Label::id).toList());
    }
}
