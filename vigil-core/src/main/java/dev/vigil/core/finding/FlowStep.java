package dev.vigil.core.finding;

import java.util.Objects;

/** One step of the evidence path from source to sink: where it happens and what happens there. */
public record FlowStep(Kind kind, Location location, String description) {

    /** The role of a step in the path. */
    public enum Kind {
        SOURCE, STEP, SINK;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public FlowStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        description = description == null ? "" : description;
    }
}
