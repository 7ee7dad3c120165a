package dev.vigil.core.finding;

/**
 * Why a finding is not shown to the user: an inline {@code vigil-ignore} comment, a
 * {@code @SuppressWarnings("vigil:...")} annotation, or a model verdict the user asked to hide.
 * SARIF calls the first two "inSource" and the last "external".
 */
public record Suppression(Kind kind, String justification) {

    public enum Kind {
        IN_SOURCE, EXTERNAL
    }

    public Suppression {
        justification = justification == null ? "" : justification;
    }
}
