package dev.vigil.java.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.constants.ValueSet;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What java/hardcoded-credentials and java/hardcoded-key agree on: which values are secrets written
 * in the source (not empty, not a placeholder, not read from the environment or configuration), and
 * which files are test code whose fixtures are not secrets.
 */
final class Secrets {

    private static final Set<String> PLACEHOLDERS = Set.of("changeme", "change-me", "change_me", "changeit",
            "password", "secret", "todo", "tbd", "none", "null", "placeholder", "your-password", "your_password",
            "yourpassword", "example", "dummy");

    private static final Pattern TEST_CLASS = Pattern.compile("(Test|Tests|IT)\\.java$");

    private Secrets() {
    }

    /** Test code: under src/test/java, or a *Test/*Tests/*IT class using JUnit's @Test. */
    static boolean isTestCode(ParsedUnit unit) {
        String path = unit.file().relativePath();
        if (path.startsWith("src/test/java/") || path.contains("/src/test/java/")) {
            return true;
        }
        return TEST_CLASS.matcher(path).find() && unit.file().text().contains("@Test");
    }

    static boolean isPlaceholder(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.contains(lower) || lower.startsWith("todo") || v.contains("${")
                || v.startsWith("<") && v.endsWith(">") || v.chars().allMatch(c -> c == '*')
                || lower.chars().allMatch(c -> c == 'x');
    }

    /**
     * The secret written in the source that the expression carries (through {@code toCharArray()},
     * {@code getBytes()} and {@code String.valueOf}), or empty when it has none or only placeholders.
     */
    static Optional<String> literal(CheckScanner s, TreePath expression) {
        TreePath p = unwrap(expression);
        ValueSet values = s.constants.resolveInSource(p);
        for (String v : values.strings()) {
            if (!isPlaceholder(v)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Strips conversions that keep a secret's value: "x".toCharArray(), "x".getBytes(UTF_8). */
    static TreePath unwrap(TreePath expression) {
        TreePath p = expression;
        while (true) {
            ExpressionTree e = CheckScanner.strip((ExpressionTree) p.getLeaf());
            if (e != p.getLeaf()) {
                p = new TreePath(p, e);
            }
            if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
                    && (ms.getIdentifier().contentEquals("toCharArray") || ms.getIdentifier().contentEquals("getBytes"))) {
                p = new TreePath(new TreePath(p, ms), ms.getExpression());
                continue;
            }
            return p;
        }
    }

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    /**
     * The finding's location with every string literal of the snippet masked: the snippet is printed in
     * reports and a secret must never reach the output.
     */
    static dev.vigil.core.finding.Location redactedLocation(ParsedUnit unit, TreePath path) {
        dev.vigil.core.finding.Location l = CheckContext.preferredLocation(unit, path.getLeaf());
        return new dev.vigil.core.finding.Location(l.file(), l.startLine(), l.startColumn(), l.endLine(),
                l.endColumn(), STRING_LITERAL.matcher(l.snippet()).replaceAll("\"***\""));
    }

    /** A short, non-revealing description of a secret for messages: secrets never go into output. */
    static String redacted(String secret) {
        return "a " + secret.length() + "-character literal";
    }
}
