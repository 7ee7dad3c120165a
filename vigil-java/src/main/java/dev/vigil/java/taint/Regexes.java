package dev.vigil.java.taint;

import java.util.Set;

/**
 * Judges allow-list regular expressions: a value that fully matches a pattern made only of bounded
 * character classes cannot carry quotes, markup, shell metacharacters or path separators. A class that
 * admits '.' or '/' still allows ".." and paths, so it is safe for everything except path traversal.
 */
final class Regexes {

    private Regexes() {
    }

    /** Rules a value of letters, digits, spaces and punctuation other than path characters is safe for. */
    private static final Set<String> TEXT_RULES = Set.of("java/sql-injection", "java/xss", "java/ldap-injection",
            "java/xpath-injection", "java/header-injection", "java/log-injection", "java/code-injection",
            "java/expression-injection", "java/regex-injection", "java/unsafe-reflection", "java/template-injection",
            "java/open-redirect");
    private static final Set<String> ALL_BUT_PATH_AND_SHELL = union(TEXT_RULES, Set.of("java/path-traversal",
            "java/ssrf", "java/trust-boundary-violation", "java/unsafe-deserialization"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    /** The rules a value that matched {@code regex} is safe for: all, all but path traversal, or none. */
    static Set<String> safeFor(String regex) {
        String r = regex;
        boolean inClass = false;
        boolean pathChars = false;
        boolean space = false;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\' && i + 1 < r.length()) {
                char n = r.charAt(++i);
                if ("SWDsbBQE".indexOf(n) >= 0 || n == 'p' || n == 'P') {
                    return Set.of(); // negated classes, whitespace, quoting: too permissive to judge
                }
                if (n == '.' || n == '/' || n == '\\') {
                    pathChars = true;
                }
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '.' || c == '/') {
                    pathChars = true;
                } else if (c == '^' && r.charAt(i - 1) == '[') {
                    return Set.of();
                } else if (c == ' ') {
                    space = true; // splits shell arguments; harmless in queries, markup and patterns
                } else if ("'\"<>;&|`$".indexOf(c) >= 0) {
                    return Set.of();
                }
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '.' -> {
                    return Set.of(); // any character
                }
                default -> {
                    // Outside a class, | ( ) ^ $ are regex syntax; other specials would be literals.
                    if ("'\"<>;&` ".indexOf(c) >= 0) {
                        return Set.of();
                    }
                }
            }
        }
        if (space) {
            Set<String> rules = new java.util.HashSet<>(pathChars ? TEXT_RULES : ALL_BUT_PATH_AND_SHELL);
            rules.remove("java/command-injection");
            return Set.copyOf(rules);
        }
        return pathChars ? Set.of("java/sql-injection", "java/xss", "java/command-injection", "java/ldap-injection",
                "java/xpath-injection", "java/header-injection", "java/log-injection", "java/code-injection",
                "java/expression-injection", "java/regex-injection", "java/unsafe-reflection",
                "java/template-injection", "java/open-redirect") : Set.of("all");
    }
}
