package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VigilResultsTest {

    @Test
    void keepsUnsuppressedFindingsWithTheirCwe() {
        Finding sql = Finding.of("java/sql-injection", 89, Severity.HIGH, "m",
                new Location("src/shop/OrderDao.java", 44, 9, 44, 30, "st.executeQuery(q)"), "OrderDao.find", List.of());
        Finding hash = Finding.of("java/weak-hash", 328, Severity.HIGH, "m", Location.line("src/Digest.java", 7), "Digest.md5", List.of());
        Finding noCwe = Finding.of("java/other", 0, Severity.HIGH, "m", Location.line("src/X.java", 1), "", List.of());
        Suppression suppression = new Suppression(Suppression.Kind.IN_SOURCE, "reviewed");
        ScanResult scan = new ScanResult(List.of(sql, hash.withSuppression(suppression), noCwe),
                List.of(Notification.warning("src/Broken.java", "cannot parse")), List.of("src"), 3, 100,
                Instant.EPOCH, 10, true, Map.of());

        ToolResults r = VigilResults.from(scan, "src");
        assertEquals("Vigil", r.tool());
        assertEquals(List.of(
                new ToolResult("src/shop/OrderDao.java", Set.of(89), "java/sql-injection", 44),
                new ToolResult("src/X.java", Set.of(), "java/other", 1)), r.results());
        assertEquals(List.of("src: src/Broken.java: cannot parse"), r.warnings());
    }
}
