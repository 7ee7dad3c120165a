package dev.vigil.java.checks;

import java.util.List;

/** Every API-misuse check, in rule-id order. */
public final class Checks {

    private static final List<JavaCheck> ALL = List.of(
            new CookieWithoutHttpOnlyCheck(),
            new CsrfDisabledCheck(),
            new HardcodedCredentialsCheck(),
            new HardcodedKeyCheck(),
            new InsecureCookieCheck(),
            new InsecureTlsCheck(),
            new PermissiveCorsCheck(),
            new SpringPermitAllCheck(),
            new UnsafeDeserializationConfigCheck(),
            new WeakCipherCheck(),
            new WeakHashCheck(),
            new WeakRandomCheck(),
            new WeakTlsProtocolCheck(),
            new XxeCheck());

    private Checks() {
    }

    public static List<JavaCheck> all() {
        return ALL;
    }
}
