package dev.vigil.java.checks;

import dev.vigil.java.frontend.ParsedUnit;

/**
 * java/cookie-without-httponly: a cookie sent without the HttpOnly flag proven true, readable by any
 * script on the page. Judged per cookie object; see {@link CookieFlags}.
 */
public final class CookieWithoutHttpOnlyCheck implements JavaCheck {

    static final String RULE = "java/cookie-without-httponly";

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        CookieFlags.scan(unit, context, (path, state) -> {
            if (!state.httpOnly().alwaysTrue()) {
                context.report(RULE, unit, path, state.httpOnly().alwaysFalse()
                        ? "Cookie sent without the HttpOnly flag: scripts (and XSS payloads) can read it;"
                                + " call setHttpOnly(true)"
                        : "Cookie's HttpOnly flag may be false here: set it to true unconditionally");
            }
        });
    }
}
