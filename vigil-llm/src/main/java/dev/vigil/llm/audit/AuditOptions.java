package dev.vigil.llm.audit;

import dev.vigil.core.finding.Finding;
import java.util.List;

/**
 * @param maxSteps model turns per entry point (each turn may call several tools)
 * @param maxTokensPerEntryPoint tokens (input + output) per entry point before the agent moves on
 * @param staticFindings findings of an earlier scan, shown by the taint_paths tool (may be empty)
 */
public record AuditOptions(int maxSteps, long maxTokensPerEntryPoint, int maxOutputTokens, List<Finding> staticFindings) {

    public static final int DEFAULT_STEPS = 12;
    public static final long DEFAULT_TOKENS_PER_ENTRY_POINT = 60_000;

    public AuditOptions {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("--max-steps must be >= 1");
        }
        if (maxTokensPerEntryPoint < 1) {
            throw new IllegalArgumentException("--max-tokens-per-entry-point must be >= 1");
        }
        staticFindings = List.copyOf(staticFindings == null ? List.of() : staticFindings);
    }

    public static AuditOptions defaults() {
        return new AuditOptions(DEFAULT_STEPS, DEFAULT_TOKENS_PER_ENTRY_POINT, 2048, List.of());
    }
}
