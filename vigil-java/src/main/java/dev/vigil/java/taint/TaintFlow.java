package dev.vigil.java.taint;

import java.util.HashSet;
import java.util.Set;

/**
 * One way a value is tainted: its origin, the path it took, and the rules it has been sanitized for
 * (an HTML encoder makes data safe for XSS, not for SQL).
 */
record TaintFlow(Origin origin, Step path, Set<String> sanitized) {

    TaintFlow {
        sanitized = Set.copyOf(sanitized);
    }

    boolean dangerousFor(String rule) {
        return !sanitized.contains(rule) && !sanitized.contains("all");
    }

    TaintFlow sanitize(Set<String> rules) {
        Set<String> s = new HashSet<>(sanitized);
        s.addAll(rules);
        return new TaintFlow(origin, path, s);
    }

    TaintFlow withSanitized(Set<String> rules) {
        return new TaintFlow(origin, path, rules);
    }

    /** The same flow with every sanitization undone (the data was unescaped or decoded again). */
    TaintFlow unsanitized() {
        return sanitized.isEmpty() ? this : new TaintFlow(origin, path, Set.of());
    }

    TaintFlow step(dev.vigil.core.finding.Location location, String description) {
        return new TaintFlow(origin, Step.then(path, location, description), sanitized);
    }

    /** Identity for merging: two flows with the same origin and sanitization are the same taint. */
    Object key() {
        return java.util.List.of(origin, sanitized);
    }

    boolean sameKey(TaintFlow other) {
        return other == this || origin.equals(other.origin) && sanitized.equals(other.sanitized);
    }

    int keyHash() {
        return origin.hashCode() * 31 + sanitized.hashCode();
    }

    int length() {
        return path == null ? 0 : path.length();
    }
}
