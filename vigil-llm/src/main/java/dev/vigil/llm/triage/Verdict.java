package dev.vigil.llm.triage;

import java.util.Locale;

/** A model's judgement of one finding. */
public enum Verdict {
    TRUE_POSITIVE, FALSE_POSITIVE, UNCERTAIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
