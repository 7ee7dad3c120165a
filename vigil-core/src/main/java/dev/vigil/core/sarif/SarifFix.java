package dev.vigil.core.sarif;

import java.util.List;

/**
 * A proposed fix of one result, as SARIF's {@code fix} object: replacements in one artifact.
 *
 * @param file path relative to the scan base ('/' separators), like result locations
 */
public record SarifFix(String description, String file, List<Replacement> replacements) {

    public SarifFix {
        replacements = List.copyOf(replacements);
    }

    /**
     * Replaces the region (1-based lines and columns, end column exclusive; an empty region inserts)
     * with {@code insertedText}.
     */
    public record Replacement(int startLine, int startColumn, int endLine, int endColumn, String insertedText) {
    }
}
