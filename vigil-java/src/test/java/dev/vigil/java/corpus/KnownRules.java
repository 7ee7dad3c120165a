package dev.vigil.java.corpus;

import java.util.Set;

/**
 * The rule ids a corpus marker may name. They mirror the fixed id table of the team's RULES.md; the
 * harness checks markers against this list rather than against the loaded rule catalog so that a typo in
 * a marker fails even while the engine that would own the rule is not on the class path yet.
 */
final class KnownRules {

    static final Set<String> TAINT = Set.of(
            "java/sql-injection",
            "java/command-injection",
            "java/path-traversal",
            "java/xss",
            "java/ldap-injection",
            "java/xpath-injection",
            "java/trust-boundary-violation",
            "java/ssrf",
            "java/code-injection",
            "java/expression-injection",
            "java/unsafe-deserialization",
            "java/open-redirect",
            "java/header-injection",
            "java/log-injection",
            "java/regex-injection",
            "java/unsafe-reflection",
            "java/template-injection");

    static final Set<String> MISUSE = Set.of(
            "java/weak-cipher",
            "java/weak-hash",
            "java/weak-random",
            "java/insecure-cookie",
            "java/cookie-without-httponly",
            "java/xxe",
            "java/insecure-tls",
            "java/weak-tls-protocol",
            "java/hardcoded-credentials",
            "java/hardcoded-key",
            "java/unsafe-deserialization-config",
            "java/csrf-disabled",
            "java/permissive-cors",
            "java/spring-permit-all");

    private KnownRules() {
    }

    static boolean isKnown(String ruleId) {
        return TAINT.contains(ruleId) || MISUSE.contains(ruleId);
    }
}
