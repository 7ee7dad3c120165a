package dev.vigil.llm.audit;

import java.util.Locale;

/** The flaw classes the audit agent may report; each is a rule id under {@code ai/} with its CWE. */
public enum AuditRule {
    MISSING_AUTHORIZATION("ai/missing-authorization", 862),
    IDOR("ai/idor", 639),
    AUTHENTICATION_BYPASS("ai/authentication-bypass", 287),
    BUSINESS_LOGIC("ai/business-logic", 840),
    RACE_CONDITION("ai/race-condition", 362);

    private final String id;
    private final int cwe;

    AuditRule(String id, int cwe) {
        this.id = id;
        this.cwe = cwe;
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
