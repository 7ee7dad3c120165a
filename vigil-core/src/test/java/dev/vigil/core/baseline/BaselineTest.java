package dev.vigil.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.report.JsonReportWriter;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.sarif.SarifWriter;
import dev.vigil.core.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    static Finding weakHash(String file, int line, String method) {
        return Finding.of("java/weak-hash", 328, Severity.MEDIUM, "MD5",
                new Location(file, line, 9, line, 40, "MessageDigest.getInstance(\"MD5\")"), method, List.of());
    }

    static ScanResult result(List<Finding> findings) {
        return new ScanResult(findings, List.of(), List.of("."), 1, 10, Instant.now(), 1, true, Map.of());
    }

    @Test
    void hidesKnownFindingsFromSarifAndJsonBaselines(@TempDir Path dir) throws Exception {
        Finding old = weakHash("A.java", 10, "A.a()");
        ScanResult before = result(List.of(old));
        Path sarif = dir.resolve("base.sarif");
        new SarifWriter("1", new RuleCatalog(List.of())).write(before, dir, sarif);
        Path json = dir.resolve("base.json");
        new JsonReportWriter("1").write(before, dir, json);

        // The same finding moved down 5 lines (an edit elsewhere in the file), plus a new one.
        Finding moved = weakHash("A.java", 15, "A.a()");
        Finding fresh = weakHash("A.java", 30, "A.b()");
        for (Path file : List.of(sarif, json)) {
            Baseline baseline = Baseline.load(file);
            assertEquals(1, baseline.size());
            assertEquals(List.of(fresh), baseline.newFindings(List.of(moved, fresh)), file.toString());
        }
    }

    @Test
    void rejectsFilesThatAreNeitherFormat(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"results\": []}");
        InputFileException e = assertThrows(InputFileException.class, () -> Baseline.load(other));
        assertTrue(e.getMessage().startsWith(other + ": neither a SARIF log nor a Vigil JSON report"), e.getMessage());

        Path truncated = dir.resolve("truncated.sarif");
        Files.writeString(truncated, "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [");
        e = assertThrows(InputFileException.class, () -> Baseline.load(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": not valid JSON"), e.getMessage());

        e = assertThrows(InputFileException.class, () -> Baseline.load(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }
}
