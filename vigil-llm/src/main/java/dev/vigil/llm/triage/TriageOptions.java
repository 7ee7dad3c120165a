package dev.vigil.llm.triage;

import java.nio.file.Path;

/**
 * @param root directory that finding locations are relative to (SARIF base or {@code --root})
 * @param samples independent verdicts per finding; more than one enables majority voting
 * @param hideFalsePositives turn false-positive verdicts into external suppressions
 * @param contextTokens token budget of the code shown per finding
 */
public record TriageOptions(Path root, int samples, boolean hideFalsePositives, int contextTokens, int maxOutputTokens) {

    public static final int DEFAULT_CONTEXT_TOKENS = 3000;
    public static final int DEFAULT_OUTPUT_TOKENS = 1024;

    public TriageOptions {
        if (samples < 1 || samples > 15) {
            throw new IllegalArgumentException("--samples must be between 1 and 15");
        }
        if (contextTokens < 200) {
            throw new IllegalArgumentException("context budget must be >= 200 tokens");
        }
    }

    public static TriageOptions defaults(Path root) {
        return new TriageOptions(root, 1, false, DEFAULT_CONTEXT_TOKENS, DEFAULT_OUTPUT_TOKENS);
    }
}
