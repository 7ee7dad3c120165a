package dev.vigil.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every rule Vigil knows, by id. */
public final class RuleCatalog {

    private final Map<String, Rule> rules;

    public RuleCatalog(Collection<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        for (Rule r : sorted) {
            if (byId.putIfAbsent(r.id(), r) != null) {
                throw new IllegalStateException("duplicate rule id " + r.id());
            }
        }
        this.rules = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    private final List<Rule> ordered;

    /** The rules of every {@link RuleProvider} on the class path. */
    public static RuleCatalog load() {
        List<Rule> all = new ArrayList<>();
        for (RuleProvider p : ServiceLoader.load(RuleProvider.class, RuleCatalog.class.getClassLoader())) {
            all.addAll(p.rules());
        }
        return new RuleCatalog(all);
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** All rules, sorted by id. */
    public List<Rule> all() {
        return ordered;
    }

    public boolean contains(String id) {
        return rules.containsKey(id);
    }
}
