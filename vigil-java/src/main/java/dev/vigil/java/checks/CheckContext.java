package dev.vigil.java.checks;

import com.sun.source.tree.Tree;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.java.constants.ConstantResolver;
import dev.vigil.java.constants.ProjectProperties;
import dev.vigil.java.frontend.Enclosing;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where checks report findings (CWE and severity come from the rule catalog) and what they know about
 * the whole project: the constant resolver, backed by the project's {@code .properties} files.
 */
public final class CheckContext {

    private final RuleCatalog rules;
    private final ConstantResolver constants;
    private final List<Finding> findings = new ArrayList<>();

    /** A context that resolves constants within the checked unit only, without project properties. */
    public CheckContext(RuleCatalog rules) {
        this(rules, new ConstantResolver(ProjectProperties.empty(), List.of()));
    }

    public CheckContext(RuleCatalog rules, ConstantResolver constants) {
        this.rules = rules;
        this.constants = constants;
    }

    /** The resolver; {@code unit} is made known to it, so its own trees always resolve. */
    public ConstantResolver constants(ParsedUnit unit) {
        constants.register(unit);
        return constants;
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

    /** Reports the tree at {@code path}, a path of {@code unit}, without searching the unit for it. */
    public void report(String ruleId, ParsedUnit unit, com.sun.source.util.TreePath path, String message) {
        report(ruleId, unit, path, message, preferredLocation(unit, path.getLeaf()));
    }

    /**
     * Where a finding on {@code tree} points: for a qualified call, from the method name on (the line
     * of {@code .csrf(...)} in a multi-line chain, as javac positions its diagnostics); for a method
     * declaration, its name (not the annotations above it); otherwise the whole tree.
     */
    static dev.vigil.core.finding.Location preferredLocation(ParsedUnit unit, Tree tree) {
        if (tree instanceof com.sun.source.tree.MethodInvocationTree call
                && call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms) {
            long nameStart = unit.endOffset(ms) - ms.getIdentifier().length();
            if (nameStart >= unit.startOffset(call)) {
                return unit.location(nameStart, unit.endOffset(call));
            }
        }
        if (tree instanceof com.sun.source.tree.MethodTree method && method.getModifiers() != null) {
            long from = Math.max(unit.endOffset(method.getModifiers()), unit.startOffset(method));
            int name = unit.file().text().indexOf(method.getName().toString() + "(", (int) Math.max(0, from));
            if (name >= 0) {
                return unit.location(name, name + method.getName().length());
            }
        }
        return unit.location(tree);
    }

    /** Reports at an explicit location inside the tree at {@code path} (e.g. the last call of a chain). */
    public void report(String ruleId, ParsedUnit unit, com.sun.source.util.TreePath path, String message,
                       dev.vigil.core.finding.Location location) {
        Rule rule = rules.find(ruleId)
                .orElseThrow(() -> new IllegalStateException("check reports unknown rule " + ruleId));
        Finding f = Finding.of(ruleId, rule.cwe(), rule.severity(), message, location,
                Enclosing.memberName(path), List.of());
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
