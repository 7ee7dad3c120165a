package dev.vigil.java;

import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleFiles;
import dev.vigil.core.rules.RuleProvider;
import java.util.List;

/** The catalog entries of the Java rules, one YAML file per rule under {@code dev/vigil/java/rules}. */
public final class JavaRules implements RuleProvider {

    private static final List<Rule> RULES = RuleFiles.load(JavaRules.class, "rules");

    @Override
    public List<Rule> rules() {
        return RULES;
    }
}
