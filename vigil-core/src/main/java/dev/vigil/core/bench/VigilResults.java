package dev.vigil.core.bench;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Vigil's own scan, seen as tool results: what the scorecards would read from Vigil's SARIF, without
 * writing and re-reading it. Suppressed findings are left out, as they are in SARIF consumers.
 */
public final class VigilResults {

    private VigilResults() {
    }

    public static ToolResults from(ScanResult scan, String source) {
        List<ToolResult> results = new ArrayList<>();
        for (Finding f : scan.unsuppressed()) {
            Set<Integer> cwes = f.cwe() > 0 ? Set.of(f.cwe()) : Set.of();
            results.add(new ToolResult(f.location().file().replace('\\', '/'), cwes, f.ruleId(), f.location().startLine()));
        }
        List<String> warnings = scan.notifications().stream().map(n -> source + ": " + n.text()).toList();
        return new ToolResults("Vigil", source, results, warnings);
    }
}
