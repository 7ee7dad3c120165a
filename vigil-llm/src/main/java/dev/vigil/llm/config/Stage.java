package dev.vigil.llm.config;

import java.util.Locale;

/** A part of Vigil that calls a model; each has its own ordered list of profiles to fail over through. */
public enum Stage {
    TRIAGE, SPECS, AUDIT, FIX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Stage parse(String text) {
        for (Stage s : values()) {
            if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + text + "' (expected triage, specs, audit or fix)");
    }
}
