package dev.vigil.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parsed expected-results CSV: test cases in file order and the CWE of each category.
 *
 * @param source the file name, for reports
 */
public record ExpectedResults(String source, List<TestCase> testCases) {

    public ExpectedResults {
        testCases = List.copyOf(testCases);
    }

    /** Categories in alphabetical order, each with its CWE. */
    public Map<String, Integer> categories() {
        Map<String, Integer> categories = new TreeMap<>();
        for (TestCase t : testCases) {
            categories.putIfAbsent(t.category(), t.cwe());
        }
        return categories;
    }

    /**
     * Finds the test case a result file belongs to. Exact name first; then, because tools on
     * case-insensitive file systems sometimes report file names in another case, a case-insensitive
     * match, but only when it is unambiguous.
     */
    public Optional<TestCase> byFileBaseName(String baseName) {
        return Optional.ofNullable(index().lookup(baseName));
    }

    Index index() {
        return new Index(testCases);
    }

    /** Name lookup built once per scoring run. */
    static final class Index {
        private final Map<String, TestCase> exact = new LinkedHashMap<>();
        private final Map<String, List<TestCase>> folded = new LinkedHashMap<>();

        Index(List<TestCase> testCases) {
            for (TestCase t : testCases) {
                exact.put(t.name(), t);
                folded.computeIfAbsent(t.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(t);
            }
        }

        TestCase lookup(String baseName) {
            TestCase t = exact.get(baseName);
            if (t != null) {
                return t;
            }
            List<TestCase> candidates = folded.get(baseName.toLowerCase(Locale.ROOT));
            return candidates != null && candidates.size() == 1 ? candidates.get(0) : null;
        }
    }
}
