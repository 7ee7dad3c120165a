package dev.vigil.llm.audit;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.Notification;
import dev.vigil.llm.budget.UsageLedger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an audit produced: model-found findings (rule ids under {@code ai/}), how many entry points
 * were examined, and why any were cut short.
 */
public record AuditReport(List<Finding> findings, int entryPoints, int audited, int notProcessed,
                          List<Notification> notifications, boolean dryRun, String budgetStop, String failure,
                          UsageLedger usage) {

    public AuditReport {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
    }

    public Map<String, Object> runProperties() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("prompt", AuditAgent.PROMPT_VERSION);
        a.put("entryPoints", entryPoints);
        a.put("audited", audited);
        a.put("notProcessed", notProcessed);
        a.put("findings", findings.size());
        a.put("dryRun", dryRun);
        if (budgetStop != null) {
            a.put("budgetStop", budgetStop);
        }
        if (failure != null) {
            a.put("failure", failure);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("audit", a);
        props.put("modelUsage", usage.toProperties());
        return props;
    }

    public List<String> summary() {
        List<String> out = new ArrayList<>();
        if (dryRun) {
            out.add("dry run: would start " + usage.totalRequests() + " agent conversations (one per entry point;"
                    + " each may take up to the step cap); nothing was sent");
        } else {
            out.add("audit: " + entryPoints + " entry points, " + audited + " audited, " + notProcessed
                    + " not processed, " + findings.size() + " model-found findings");
        }
        if (budgetStop != null) {
            out.add("budget reached (" + budgetStop + "): stopped sending; " + notProcessed + " entry points were not processed");
        }
        out.addAll(usage.summary());
        return out;
    }
}
