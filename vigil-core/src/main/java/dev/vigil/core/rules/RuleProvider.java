package dev.vigil.core.rules;

import java.util.List;

/**
 * Contributes rules to the catalog. Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.vigil.core.rules.RuleProvider}), so each analysis module owns its rules.
 */
public interface RuleProvider {
    List<Rule> rules();
}
