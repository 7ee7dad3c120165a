package dev.vigil.llm.session;

import java.util.List;
import java.util.Map;

/** Every profile of a stage failed; the message lists each profile with its reason (key-free). */
public final class AllProfilesFailedException extends Exception {

    private final Map<String, String> reasons;

    public AllProfilesFailedException(String stage, Map<String, String> reasons) {
        super("every model profile for " + stage + " failed: " + String.join("; ",
                reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        this.reasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
    }

    /** Profile name to reason, in the order the stage tries them. */
    public Map<String, String> reasons() {
        return reasons;
    }

    public List<String> profiles() {
        return List.copyOf(reasons.keySet());
    }
}
