package dev.vigil.core.scan;

import dev.vigil.core.finding.Finding;
import java.util.List;

/** What one analysis found in a {@link dev.vigil.core.source.SourceSet}. */
public record AnalysisResult(List<Finding> findings, List<Notification> notifications) {

    public AnalysisResult {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
    }
}
