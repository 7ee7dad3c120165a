package dev.vigil.llm.audit;

import dev.vigil.core.finding.Severity;
import java.util.Locale;

/** The flaw classes the audit agent may report; each is a rule id under {@code ai/} with its CWE. */
public enum AuditRule {
    MISSING_AUTHORIZATION("ai/missing-authorization", 862, Severity.HIGH,
            "Model-found: a handler changes or reveals data without an authorization check"),
    IDOR("ai/idor", 639, Severity.HIGH,
            "Model-found: an object is accessed by a client-supplied id without an ownership check"),
    AUTHENTICATION_BYPASS("ai/authentication-bypass", 287, Severity.CRITICAL,
            "Model-found: protected functionality is reachable without valid credentials"),
    BUSINESS_LOGIC("ai/business-logic", 840, Severity.MEDIUM,
            "Model-found: a business rule or workflow invariant can be violated"),
    RACE_CONDITION("ai/race-condition", 362, Severity.MEDIUM,
            "Model-found: check-then-act on shared state without locking or a transaction");

    private final String id;
    private final int cwe;
    private final Severity severity;
    private final String summary;

    AuditRule(String id, int cwe, Severity severity, String summary) {
        this.id = id;
        this.cwe = cwe;
        this.severity = severity;
        this.summary = summary;
    }

    /** Default severity, used in the rule catalog; each finding carries the model's own severity. */
    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public String id() {
        return id;
    }

    public int cwe() {
        return cwe;
    }

    static AuditRule parse(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (AuditRule r : values()) {
            if (r.id.equals(wanted)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule '" + id + "'; use one of " + java.util.Arrays.stream(values())
                .map(AuditRule::id).toList());
    }
}
