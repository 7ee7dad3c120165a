package dev.vigil.java.taint;

import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;

/** One step of a taint path, kept as a persistent list (newest first) so branches share their prefix. */
record Step(Location location, String description, Step previous, int length) {

    static final int MAX_LENGTH = 40;

    static Step then(Step previous, Location location, String description) {
        if (previous != null && previous.description.equals(description)
                && previous.location.file().equals(location.file())
                && previous.location.startLine() == location.startLine()) {
            return previous; // "a + b + c" is one concatenation to a reader, not two
        }
        int length = previous == null ? 1 : previous.length + 1;
        if (length > MAX_LENGTH) {
            // Long paths keep their beginning (the source) and their end (near the sink).
            return new Step(location, description, previous.previous, previous.length);
        }
        return new Step(location, description, previous, length);
    }

    /** Appends every step of {@code suffix} (oldest first) after {@code prefix}. */
    static Step concat(Step prefix, Step suffix) {
        if (suffix == null) {
            return prefix;
        }
        java.util.ArrayDeque<Step> stack = new java.util.ArrayDeque<>();
        for (Step s = suffix; s != null; s = s.previous) {
            stack.push(s);
        }
        Step out = prefix;
        while (!stack.isEmpty()) {
            Step s = stack.pop();
            out = then(out, s.location, s.description);
        }
        return out;
    }

    java.util.List<FlowStep> toFlow(FlowStep.Kind firstKind) {
        java.util.ArrayList<FlowStep> out = new java.util.ArrayList<>();
        for (Step s = this; s != null; s = s.previous) {
            out.add(0, new FlowStep(FlowStep.Kind.STEP, s.location, s.description));
        }
        if (!out.isEmpty() && firstKind != FlowStep.Kind.STEP) {
            FlowStep first = out.get(0);
            out.set(0, new FlowStep(firstKind, first.location(), first.description()));
        }
        return out;
    }
}
