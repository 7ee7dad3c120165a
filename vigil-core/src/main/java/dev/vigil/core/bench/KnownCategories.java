package dev.vigil.core.bench;

import java.util.Map;
import java.util.Optional;

/**
 * The CWE of category names common in public SAST suites, so an expected-results file may leave the
 * cwe column out for them. Any other category must say its CWE.
 */
final class KnownCategories {

    private static final Map<String, Integer> CWE = Map.ofEntries(
            Map.entry("cmdi", 78),
            Map.entry("crypto", 327),
            Map.entry("hash", 328),
            Map.entry("ldapi", 90),
            Map.entry("pathtraver", 22),
            Map.entry("securecookie", 614),
            Map.entry("sqli", 89),
            Map.entry("trustbound", 501),
            Map.entry("weakrand", 330),
            Map.entry("xpathi", 643),
            Map.entry("xss", 79),
            Map.entry("xxe", 611),
            Map.entry("ssrf", 918),
            Map.entry("redirect", 601),
            Map.entry("deserialization", 502),
            Map.entry("codeinj", 94),
            Map.entry("headerinj", 113),
            Map.entry("loginj", 117));

    private KnownCategories() {
    }

    static Optional<Integer> cwe(String category) {
        return Optional.ofNullable(CWE.get(category));
    }
}
