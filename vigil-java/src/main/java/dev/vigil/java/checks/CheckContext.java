package dev.vigil.java.checks;

import com.sun.source.tree.Tree;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.java.frontend.Enclosing;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;

/** Where checks report findings; fills in CWE and severity from the rule catalog. */
public final class CheckContext {

    private final RuleCatalog rules;
    private final List<Finding> findings = new ArrayList<>();

    public CheckContext(RuleCatalog rules) {
        this.rules = rules;
    }

    /** Reports {@code tree} in {@code unit} for {@code ruleId}; {@code evidence} steps may be empty. */
    public void report(String ruleId, ParsedUnit unit, Tree tree, String message, List<FlowStep> evidence) {
        Rule rule = rules.find(ruleId)
                .orElseThrow(() -> new IllegalStateException("check reports unknown rule " + ruleId));
        com.sun.source.util.TreePath path = unit.path(tree);
        String member = Enclosing.memberName(path);
        Finding f = Finding.of(ruleId, rule.cwe(), rule.severity(), message, unit.location(tree), member, evidence);
        String justification = dev.vigil.java.frontend.Suppressions.annotated(path, ruleId);
        if (justification != null) {
            f = f.withSuppression(new dev.vigil.core.finding.Suppression(
                    dev.vigil.core.finding.Suppression.Kind.IN_SOURCE, justification));
        }
        findings.add(f);
    }

    public List<Finding> findings() {
        return findings;
    }
}
