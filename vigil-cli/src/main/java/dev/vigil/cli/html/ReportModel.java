package dev.vigil.cli.html;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data a report page renders, as plain maps and lists ready for {@link ScriptJson}. The page's
 * script reads exactly these keys (see report.js); field names are short because a report may carry
 * 10,000 findings.
 */
final class ReportModel {

    private ReportModel() {
    }

    static Map<String, Object> build(ScanResult result, RuleCatalog rules, Path baseDir, String toolVersion,
                                     Instant generatedAt) {
        SourceExcerpts excerpts = new SourceExcerpts(baseDir);
        List<Object> findings = new ArrayList<>(result.findings().size());
        Map<String, Rule> usedRules = new TreeMap<>();
        for (Finding f : result.findings()) {
            findings.add(finding(f, excerpts));
            rules.find(f.ruleId()).ifPresent(r -> usedRules.put(r.id(), r));
        }

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tool", Map.of("name", "Vigil", "version", toolVersion));
        model.put("generatedAt", generatedAt.toString());
        model.put("scan", scan(result, rules));
        model.put("notifications", result.notifications().stream().map(ReportModel::notification).toList());
        Map<String, Object> ruleData = new LinkedHashMap<>();
        usedRules.forEach((id, r) -> ruleData.put(id, rule(r)));
        model.put("rules", ruleData);
        model.put("findings", findings);
        Map<String, Object> files = new LinkedHashMap<>();
        excerpts.read().forEach((file, excerpt) -> files.put(file, excerpt.unavailable() != null
                ? Map.of("missing", excerpt.unavailable())
                : Map.of("lines", stringKeys(excerpt.lines()))));
        model.put("files", files);
        return model;
    }

    private static Map<String, Object> scan(ScanResult result, RuleCatalog rules) {
        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put("roots", result.roots());
        scan.put("startedAt", result.startedAt() == null ? null : result.startedAt().toString());
        scan.put("durationMillis", result.durationMillis());
        scan.put("filesScanned", result.filesScanned());
        scan.put("linesScanned", result.linesScanned());
        scan.put("successful", result.successful());
        scan.put("rulesInCatalog", rules.all().size());
        scan.put("properties", ScriptJson.jsonFriendly(result.properties(), 0));
        return scan;
    }

    private static Map<String, Object> notification(Notification n) {
        return Map.of("level", n.level().name().toLowerCase(java.util.Locale.ROOT), "text", n.text());
    }

    private static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("cwe", r.cwe());
        m.put("severity", r.severity().label());
        m.put("short", r.shortDescription());
        m.put("full", r.fullDescription());
        m.put("help", r.help());
        m.put("tags", r.tags());
        return m;
    }

    private static Map<String, Object> finding(Finding f, SourceExcerpts excerpts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.ruleId());
        m.put("cwe", f.cwe());
        m.put("sev", f.severity().label());
        m.put("msg", f.message());
        m.put("file", f.location().file());
        m.put("line", f.location().startLine());
        m.put("method", f.enclosingMethod());
        m.put("fp", f.fingerprint());
        // A finding without a flow (an API misuse) still shows its code: its location is its one step.
        List<FlowStep> flow = f.flow().isEmpty()
                ? List.of(new FlowStep(FlowStep.Kind.SINK, f.location(), f.message()))
                : f.flow();
        List<Object> steps = new ArrayList<>(flow.size());
        for (FlowStep step : flow) {
            Location at = step.location();
            excerpts.want(at.file(), at.startLine(), at.endLine());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", step.kind().label());
            s.put("file", at.file());
            s.put("line", at.startLine());
            // Defaults are left out: with 10,000 findings every step's bytes count.
            if (at.endLine() != at.startLine()) {
                s.put("endLine", at.endLine());
            }
            if (at.startColumn() > 1 || at.endColumn() > at.startColumn()) {
                s.put("col", at.startColumn());
                s.put("endCol", at.endColumn());
            }
            s.put("text", step.description());
            if (!at.snippet().isEmpty()) {
                s.put("snippet", at.snippet());
            }
            steps.add(s);
        }
        m.put("steps", steps);
        if (f.properties().get("triage") instanceof Map<?, ?> triage) {
            m.put("triage", triage(triage));
        }
        if (f.properties().get("fix") instanceof Map<?, ?> fix && fix.get("diff") instanceof String diff) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("diff", diff);
            if (fix.get("description") instanceof String d) {
                x.put("description", d);
            }
            m.put("fix", x);
        }
        f.suppressionInfo().ifPresent(s -> m.put("suppressed",
                Map.of("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT), "justification", s.justification())));
        return m;
    }

    /** The model's verdict: only the keys the page shows, each only when it has the right type. */
    private static Map<String, Object> triage(Map<?, ?> triage) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (triage.get("verdict") != null) {
            t.put("verdict", String.valueOf(triage.get("verdict")));
        }
        if (triage.get("confidence") instanceof Number n && Double.isFinite(n.doubleValue())) {
            t.put("confidence", n.doubleValue());
        }
        if (triage.get("reasoning") instanceof String r) {
            t.put("reasoning", r);
        }
        if (triage.get("model") instanceof String model) {
            t.put("model", model);
        }
        // What vigil-llm's triage adds: preconditions for a true positive, the error of a failed call,
        // and how much the samples agreed when several were drawn.
        if (triage.get("exploitPreconditions") instanceof List<?> preconditions && !preconditions.isEmpty()) {
            t.put("preconditions", preconditions.stream().map(String::valueOf).toList());
        }
        if (triage.get("error") instanceof String error) {
            t.put("error", error);
        }
        if (triage.get("voting") instanceof Map<?, ?> voting && voting.get("samples") instanceof Number samples
                && voting.get("agreement") instanceof Number agreement) {
            t.put("samples", samples.intValue());
            t.put("agreement", agreement.doubleValue());
        }
        return t;
    }

    private static Map<String, String> stringKeys(Map<Integer, String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        new TreeMap<>(lines).forEach((n, text) -> m.put(Integer.toString(n), text));
        return m;
    }
}
