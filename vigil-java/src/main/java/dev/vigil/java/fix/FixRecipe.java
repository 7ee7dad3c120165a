package dev.vigil.java.fix;

import java.util.Set;

/**
 * One kind of deterministic fix, for the rules it knows. A recipe reads the attributed tree at the
 * finding's sink and returns edits, or says why the code's shape does not allow a safe mechanical fix.
 * Recipes never guess: a fix that could change behaviour for safe inputs is reported as not fixable.
 */
public interface FixRecipe {

    Set<String> ruleIds();

    FixProposal propose(FixSite site);
}
