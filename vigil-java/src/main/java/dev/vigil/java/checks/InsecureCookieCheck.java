package dev.vigil.java.checks;

import dev.vigil.java.frontend.ParsedUnit;

/**
 * java/insecure-cookie: a cookie sent without the Secure flag proven true (servlet
 * {@code addCookie}, Spring {@code ResponseCookie} builders). Judged per cookie object; see
 * {@link CookieFlags}.
 */
public final class InsecureCookieCheck implements JavaCheck {

    static final String RULE = "java/insecure-cookie";

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        CookieFlags.scan(unit, context, (path, state) -> {
            if (!state.secure().alwaysTrue()) {
                context.report(RULE, unit, path, state.secure().alwaysFalse()
                        ? "Cookie sent without the Secure flag: it also travels over plain HTTP; call setSecure(true)"
                        : "Cookie's Secure flag may be false here: set it to true unconditionally");
            }
        });
    }
}
