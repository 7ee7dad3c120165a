package dev.vigil.cli.report;

import dev.vigil.cli.scan.ScanOutcome;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human report: findings grouped by file, each with its code line and evidence path, then a
 * summary by severity and by rule. Suppressed findings are counted, not shown.
 */
public final class TextReporter {

    private final boolean color;

    /** @param color use ANSI colours (only when writing to a terminal and NO_COLOR is unset) */
    public TextReporter(boolean color) {
        this.color = color;
    }

    public String render(ScanOutcome outcome) {
        ScanResult result = outcome.result();
        StringBuilder out = new StringBuilder();
        List<Finding> shown = result.unsuppressed();
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        shown.forEach(f -> byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f));
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            out.append(style("1", file.getKey())).append('\n');
            for (Finding f : file.getValue()) {
                appendFinding(out, f);
            }
            out.append('\n');
        }
        appendSummary(out, outcome, shown);
        return out.toString();
    }

    private void appendFinding(StringBuilder out, Finding f) {
        String position = f.location().startLine() + ":" + f.location().startColumn();
        out.append("  ").append(padRight(position, 7)).append(' ')
                .append(severity(f.severity())).append("  ")
                .append(f.ruleId());
        if (f.cwe() > 0) {
            out.append(" (CWE-").append(f.cwe()).append(')');
        }
        out.append('\n');
        String indent = " ".repeat(10);
        if (!f.message().isEmpty()) {
            out.append(indent).append(f.message()).append('\n');
        }
        if (!f.location().snippet().isEmpty()) {
            out.append(indent).append(style("2", "| ")).append(f.location().snippet().strip()).append('\n');
        }
        int n = 1;
        for (FlowStep step : f.flow()) {
            out.append(indent).append(n++).append(". ").append(padRight(step.kind().label(), 6)).append(' ')
                    .append(style("2", step.location().file() + ":" + step.location().startLine()))
                    .append("  ").append(step.description()).append('\n');
        }
    }

    private void appendSummary(StringBuilder out, ScanOutcome outcome, List<Finding> shown) {
        ScanResult result = outcome.result();
        String scanned = String.format(Locale.ROOT, "%d %s, %d lines scanned in %.1f s", result.filesScanned(),
                result.filesScanned() == 1 ? "file" : "files", result.linesScanned(),
                result.durationMillis() / 1000.0);
        if (shown.isEmpty()) {
            out.append(style("32", "No findings")).append(" (").append(scanned).append(")\n");
        } else {
            long files = shown.stream().map(f -> f.location().file()).distinct().count();
            out.append(style("1", shown.size() + (shown.size() == 1 ? " finding" : " findings"))).append(" in ")
                    .append(files).append(files == 1 ? " file" : " files").append(" (").append(scanned).append(")\n");
            Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
            Map<String, Integer> byRule = new TreeMap<>();
            for (Finding f : shown) {
                bySeverity.merge(f.severity(), 1, Integer::sum);
                byRule.merge(f.ruleId(), 1, Integer::sum);
            }
            List<String> severities = new ArrayList<>();
            bySeverity.forEach((s, c) -> severities.add(c + " " + s.label()));
            out.append("  by severity: ").append(String.join(", ", severities)).append('\n');
            int width = byRule.keySet().stream().mapToInt(String::length).max().orElse(0);
            out.append("  by rule:\n");
            byRule.forEach((rule, count) -> out.append("    ").append(padRight(rule, width + 2)).append(count)
                    .append('\n'));
        }
        int suppressed = result.findings().size() - shown.size();
        List<String> notes = new ArrayList<>();
        if (suppressed > 0) {
            notes.add(suppressed + " suppressed");
        }
        if (outcome.hiddenByBaseline() > 0) {
            notes.add(outcome.hiddenByBaseline() + " known from the baseline");
        }
        if (!notes.isEmpty()) {
            out.append("  not shown: ").append(String.join(", ", notes)).append('\n');
        }
        long warnings = result.notifications().stream()
                .filter(n -> n.level() != Notification.Level.NOTE).count();
        if (warnings > 0) {
            out.append("  ").append(style("33", warnings + (warnings == 1 ? " warning" : " warnings")))
                    .append(" about the scan itself (files skipped or not parsed; listed on stderr)\n");
        }
    }

    private String severity(Severity s) {
        String label = padRight(s.label(), 8);
        String code = switch (s) {
            case CRITICAL -> "1;31";
            case HIGH -> "31";
            case MEDIUM -> "33";
            case LOW -> "36";
            case NOTE -> "2";
        };
        return style(code, label);
    }

    private String style(String code, String text) {
        return color ? "\033[" + code + "m" + text + "\033[0m" : text;
    }

    private static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
