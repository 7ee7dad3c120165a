package dev.vigil.java.checks;

import java.util.List;

/** Every API-misuse check, in rule-id order. */
public final class Checks {

    private static final List<JavaCheck> ALL = List.of(
            new WeakHashCheck());

    private Checks() {
    }

    public static List<JavaCheck> all() {
        return ALL;
    }
}
