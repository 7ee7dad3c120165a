package dev.vigil.java.checks;

import dev.vigil.java.frontend.ParsedUnit;

/**
 * One API-misuse rule (Error Prone style): the class is named after its rule, carries the rule id and
 * looks at one compilation unit at a time, reporting through the context.
 */
public interface JavaCheck {

    /** The rule id this check reports, e.g. "java/weak-hash"; its catalog entry lives in rules/. */
    String ruleId();

    void check(ParsedUnit unit, CheckContext context);
}
