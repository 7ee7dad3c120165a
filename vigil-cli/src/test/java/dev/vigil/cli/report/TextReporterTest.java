package dev.vigil.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.scan.ScanOutcome;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    static ScanOutcome outcome() {
        Location sink = new Location("src/UserDao.java", 42, 9, 42, 60, "stmt.executeQuery(\"SELECT \" + id);");
        Finding sql = new Finding("java/sql-injection", 89, Severity.HIGH, "SQL built from request parameter 'id'",
                sink, "UserDao.find(String)",
                List.of(new FlowStep(FlowStep.Kind.SOURCE, Location.line("src/Web.java", 20),
                                "source: request parameter 'id'"),
                        new FlowStep(FlowStep.Kind.SINK, sink, "sink: Statement.executeQuery")),
                null, Map.of(), null);
        Finding hash = Finding.of("java/weak-hash", 328, Severity.MEDIUM, "MD5",
                new Location("src/Crypto.java", 7, 5, 7, 30, "MessageDigest.getInstance(\"MD5\")"), "", List.of());
        Finding hash2 = Finding.of("java/weak-hash", 328, Severity.CRITICAL, "MD5",
                new Location("src/UserDao.java", 50, 5, 50, 30, "MessageDigest.getInstance(\"MD5\")"), "", List.of());
        Finding suppressed = hash.withSuppression(new Suppression(Suppression.Kind.IN_SOURCE, "legacy"));
        ScanResult result = new ScanResult(List.of(hash, sql, hash2, suppressed),
                List.of(Notification.warning("src/Bad.java", "cannot parse")), List.of("src"), 3, 120,
                Instant.now(), 2300, true, Map.of());
        return new ScanOutcome(result, Path.of("/p"), 2);
    }

    @Test
    void groupsByFileWithCodeFlowAndSummary() {
        String text = new TextReporter(false).render(outcome());
        assertEquals("""
                src/Crypto.java
                  7:5     medium    java/weak-hash (CWE-328)
                          MD5
                          | MessageDigest.getInstance("MD5")

                src/UserDao.java
                  42:9    high      java/sql-injection (CWE-89)
                          SQL built from request parameter 'id'
                          | stmt.executeQuery("SELECT " + id);
                          1. source src/Web.java:20  source: request parameter 'id'
                          2. sink   src/UserDao.java:42  sink: Statement.executeQuery
                  50:5    critical  java/weak-hash (CWE-328)
                          MD5
                          | MessageDigest.getInstance("MD5")

                3 findings in 2 files (3 files, 120 lines scanned in 2.3 s)
                  by severity: 1 critical, 1 high, 1 medium
                  by rule:
                    java/sql-injection  1
                    java/weak-hash      2
                  not shown: 1 suppressed, 2 known from the baseline
                  1 warning about the scan itself (files skipped or not parsed; listed on stderr)
                """, text);
    }

    @Test
    void coloursOnlyWhenAsked() {
        assertTrue(new TextReporter(true).render(outcome()).contains("\033[31mhigh"));
        assertTrue(!new TextReporter(false).render(outcome()).contains("\033["));
    }
}
