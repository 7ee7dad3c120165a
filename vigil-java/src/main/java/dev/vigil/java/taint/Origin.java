package dev.vigil.java.taint;

import dev.vigil.core.finding.Location;

/**
 * Where a tainted value comes from: a real source of untrusted data, or — while a method is
 * summarized — one of its parameters (or a field reached from one), to be replaced by the caller's
 * argument when the summary is applied.
 */
sealed interface Origin permits Origin.Source, Origin.Param {

    /** Untrusted data entering the program. {@code kind} is the threat model: remote, local or library. */
    record Source(String kind, String label, Location location) implements Origin {
    }

    /**
     * A parameter of the method being summarized; index -1 is {@code this}. {@code path} names a field
     * reached from it ("" for the parameter itself, "name", "[]" for its elements).
     */
    record Param(int index, String path) implements Origin {
        Param child(String field) {
            if (path.chars().filter(c -> c == '.').count() >= 2) {
                return this;
            }
            return new Param(index, path.isEmpty() ? field : path + "." + field);
        }
    }
}
