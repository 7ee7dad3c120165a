package dev.vigil.core.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CWEs the user assigns to rule ids, for tools whose SARIF carries no CWE at all (or a wrong one for
 * the suite): {@code --rule-cwe SQL_INJECTION_JDBC=89}. The CWE is added to what the result already
 * claims; it never removes one.
 */
public final class RuleCweMap {

    private final Map<String, Set<Integer>> cwes;

    private RuleCweMap(Map<String, Set<Integer>> cwes) {
        this.cwes = cwes;
    }

    public static RuleCweMap none() {
        return new RuleCweMap(Map.of());
    }

    /**
     * Parses "RULE=CWE" specs; the CWE follows the last '=' (rule ids may contain '=') and may be
     * written "CWE-89".
     *
     * @throws IllegalArgumentException naming the bad spec
     */
    public static RuleCweMap parse(Collection<String> specs) {
        Map<String, Set<Integer>> map = new HashMap<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            String rule = eq < 0 ? "" : spec.substring(0, eq).strip();
            String cweText = eq < 0 ? "" : spec.substring(eq + 1).strip();
            if (cweText.regionMatches(true, 0, "CWE-", 0, 4)) {
                cweText = cweText.substring(4);
            }
            int cwe;
            try {
                cwe = Integer.parseInt(cweText);
            } catch (NumberFormatException e) {
                cwe = 0;
            }
            if (rule.isEmpty() || cwe <= 0) {
                throw new IllegalArgumentException("rule CWE '" + spec + "' must look like RULE_ID=89");
            }
            map.computeIfAbsent(rule, k -> new TreeSet<>()).add(cwe);
        }
        return new RuleCweMap(Map.copyOf(map));
    }

    public boolean isEmpty() {
        return cwes.isEmpty();
    }

    public ToolResults apply(ToolResults tool) {
        if (cwes.isEmpty()) {
            return tool;
        }
        List<ToolResult> results = new ArrayList<>(tool.results().size());
        for (ToolResult r : tool.results()) {
            Set<Integer> extra = cwes.get(r.ruleId());
            if (extra == null) {
                results.add(r);
            } else {
                Set<Integer> all = new TreeSet<>(r.cwes());
                all.addAll(extra);
                results.add(new ToolResult(r.path(), all, r.ruleId(), r.line()));
            }
        }
        return new ToolResults(tool.tool(), tool.source(), results, tool.warnings());
    }
}
