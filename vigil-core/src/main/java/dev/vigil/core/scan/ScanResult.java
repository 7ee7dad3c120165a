package dev.vigil.core.scan;

import dev.vigil.core.finding.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one scan produced: findings (including suppressed ones), notifications about the scan
 * itself, and metadata for reports.
 *
 * @param roots the scanned paths as the user gave them
 * @param properties run-level data for reports (model usage, token counts, cost); JSON-friendly values
 */
public record ScanResult(
        List<Finding> findings,
        List<Notification> notifications,
        List<String> roots,
        int filesScanned,
        long linesScanned,
        Instant startedAt,
        long durationMillis,
        boolean successful,
        Map<String, Object> properties) {

    public ScanResult {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
        roots = List.copyOf(roots);
        properties = Map.copyOf(properties == null ? Map.of() : properties);
    }

    public List<Finding> unsuppressed() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }
}
