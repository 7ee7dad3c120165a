package dev.vigil.llm.specs;

/**
 * One label the model gave a candidate, already validated.
 *
 * @param role source, sink, sanitizer or propagator
 * @param rule the taint rule a sink feeds or a sanitizer protects against (empty otherwise)
 * @param position for a sink: the dangerous argument ({@code arg0}, {@code args}); for a propagator: where
 *     data comes from (flows to {@code return}); for a source: where untrusted data appears ({@code return})
 * @param kind for a source: remote or local
 */
public record InferredSpec(ApiCandidate api, Role role, String rule, String position, String kind, double confidence,
                           String reason, String model, String profile) {

    public enum Role {
        SOURCE, SINK, SANITIZER, PROPAGATOR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
