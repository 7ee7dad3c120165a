package dev.vigil.llm.triage;

import java.util.Locale;

/** A model's judgement of one finding. */
public enum Verdict {
    TRUE_POSITIVE, FALSE_POSITIVE, UNCERTAIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Verdict parse(String label) {
        for (Verdict v : values()) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict " + label);
    }
}
