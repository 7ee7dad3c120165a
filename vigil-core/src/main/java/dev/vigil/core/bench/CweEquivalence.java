package dev.vigil.core.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups of CWEs that count as the same when matching a result to a test case, for tools that do
 * not separate, say, broken crypto (327) from weak hashes (328). Groups given as "327=328" and
 * "328=916" merge transitively into {327, 328, 916}. With no groups, CWEs match only themselves.
 */
public final class CweEquivalence {

    private final Map<Integer, Integer> representative;
    private final List<Set<Integer>> groups;

    private CweEquivalence(Map<Integer, Integer> representative, List<Set<Integer>> groups) {
        this.representative = representative;
        this.groups = groups;
    }

    public static CweEquivalence none() {
        return new CweEquivalence(Map.of(), List.of());
    }

    /**
     * Parses specs like "327=328" or "CWE-327=CWE-328=CWE-916".
     *
     * @throws IllegalArgumentException with a message naming the bad spec
     */
    public static CweEquivalence parse(Collection<String> specs) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (String spec : specs) {
            String[] parts = spec.split("=", -1);
            if (parts.length < 2) {
                throw new IllegalArgumentException("CWE equivalence '" + spec + "' must look like 327=328");
            }
            Integer first = null;
            for (String part : parts) {
                int cwe = parseCwe(part, spec);
                parent.putIfAbsent(cwe, cwe);
                if (first == null) {
                    first = cwe;
                } else {
                    union(parent, first, cwe);
                }
            }
        }
        Map<Integer, Integer> rep = new HashMap<>();
        Map<Integer, Set<Integer>> members = new HashMap<>();
        for (Integer cwe : parent.keySet()) {
            int root = find(parent, cwe);
            rep.put(cwe, root);
            members.computeIfAbsent(root, k -> new TreeSet<>()).add(cwe);
        }
        List<Set<Integer>> groups = new ArrayList<>();
        members.values().stream()
                .sorted((a, b) -> Integer.compare(a.iterator().next(), b.iterator().next()))
                .forEach(s -> groups.add(Set.copyOf(s)));
        return new CweEquivalence(Map.copyOf(rep), List.copyOf(groups));
    }

    private static int parseCwe(String part, String spec) {
        String s = part.strip();
        if (s.regionMatches(true, 0, "CWE-", 0, 4)) {
            s = s.substring(4);
        }
        try {
            int cwe = Integer.parseInt(s);
            if (cwe > 0) {
                return cwe;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("CWE equivalence '" + spec + "': '" + part.strip() + "' is not a CWE number");
    }

    private static int find(Map<Integer, Integer> parent, int cwe) {
        int root = cwe;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<Integer, Integer> parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    /** True when {@code actual} is {@code expected} or in the same group. */
    public boolean matches(int expected, int actual) {
        return expected == actual || canonical(expected) == canonical(actual);
    }

    /** True when any of the result's CWEs matches. */
    public boolean matchesAny(int expected, Collection<Integer> actual) {
        for (int a : actual) {
            if (matches(expected, a)) {
                return true;
            }
        }
        return false;
    }

    private int canonical(int cwe) {
        return representative.getOrDefault(cwe, cwe);
    }

    /** The merged groups, each sorted, for reports ("327=328"). */
    public List<String> describe() {
        return groups.stream()
                .map(g -> String.join("=", new TreeSet<>(g).stream().map(String::valueOf).toList()))
                .toList();
    }
}
