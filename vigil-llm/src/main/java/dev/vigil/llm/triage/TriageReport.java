package dev.vigil.llm.triage;

import dev.vigil.core.scan.Notification;
import dev.vigil.core.finding.Finding;
import dev.vigil.llm.budget.UsageLedger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a triage run: every input finding, in input order, enriched with a {@code triage}
 * property (or unchanged when it was not processed), plus counts and token usage.
 *
 * @param failure why the run stopped early because every profile failed, or null
 * @param budgetStop the budget limits that stopped the run, or null
 */
public record TriageReport(
        List<Finding> findings,
        int triaged,
        int modelErrors,
        int notProcessed,
        int alreadySuppressed,
        Map<String, Integer> verdicts,
        boolean dryRun,
        String budgetStop,
        String failure,
        UsageLedger usage,
        List<Notification> notifications) {

    public TriageReport {
        findings = List.copyOf(findings);
        verdicts = Map.copyOf(verdicts);
        notifications = List.copyOf(notifications);
    }

    /** JSON-friendly run properties for SARIF {@code run.properties} / the JSON report. */
    public Map<String, Object> runProperties() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("prompt", Triage.PROMPT_VERSION);
        t.put("findings", findings.size());
        t.put("triaged", triaged);
        t.put("modelErrors", modelErrors);
        t.put("notProcessed", notProcessed);
        t.put("alreadySuppressed", alreadySuppressed);
        t.put("verdicts", new LinkedHashMap<>(verdicts));
        t.put("dryRun", dryRun);
        if (budgetStop != null) {
            t.put("budgetStop", budgetStop);
        }
        if (failure != null) {
            t.put("failure", failure);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("triage", t);
        props.put("modelUsage", usage.toProperties());
        return props;
    }

    /** Human summary lines for stderr. */
    public List<String> summary() {
        List<String> out = new java.util.ArrayList<>();
        if (dryRun) {
            long requests = usage.totalRequests();
            long input = usage.lines().stream().mapToLong(UsageLedger.Line::inputTokens).sum();
            long output = usage.lines().stream().mapToLong(UsageLedger.Line::outputTokens).sum();
            long hits = usage.lines().stream().mapToLong(UsageLedger.Line::cacheHits).sum();
            out.add(String.format(Locale.ROOT, "dry run: would send %d requests (~%d input tokens, at most %d output"
                    + " tokens, at most $%.4f); %d answers already cached; nothing was sent",
                    requests, input, output, usage.totalCost(), hits));
            return out;
        }
        out.add(String.format(Locale.ROOT, "triage: %d findings, %d triaged (%s), %d model errors, %d not processed",
                findings.size(), triaged, verdicts.isEmpty() ? "no verdicts" : verdicts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse(""),
                modelErrors, notProcessed));
        if (budgetStop != null) {
            out.add("budget reached (" + budgetStop + "): stopped sending; " + notProcessed
                    + " findings were not processed");
        }
        out.addAll(usage.summary());
        return out;
    }
}
