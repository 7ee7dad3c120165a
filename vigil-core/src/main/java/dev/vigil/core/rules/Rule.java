package dev.vigil.core.rules;

import dev.vigil.core.finding.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A rule as users see it: id ({@code java/sql-injection}), CWE, default severity, descriptions and
 * help with a remediation example. Which code a rule matches lives with the rule's logic (a check
 * class or model rows); this is its catalog entry.
 *
 * @param help markdown: what the problem is, how to fix it, a vulnerable and a fixed example
 */
public record Rule(
        String id,
        String name,
        int cwe,
        Severity severity,
        String shortDescription,
        String fullDescription,
        String help,
        List<String> tags) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        name = name == null ? id : name;
        shortDescription = shortDescription == null ? "" : shortDescription;
        fullDescription = fullDescription == null ? shortDescription : fullDescription;
        help = help == null ? "" : help;
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** "CWE-89". */
    public String cweLabel() {
        return "CWE-" + cwe;
    }

    /** GitHub code scanning's tag form, "external/cwe/cwe-89". */
    public String cweTag() {
        return "external/cwe/cwe-" + cwe;
    }
}
