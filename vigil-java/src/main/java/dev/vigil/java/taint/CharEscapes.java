package dev.vigil.java.taint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Escaping written as a chain of single-character replacements ({@code s.replace("&", "&amp;")
 * .replace("<", "&lt;")…}), as in a small helper method a project writes for itself. Each replacement
 * of a character that an escaping scheme treats as dangerous marks the flow; once every dangerous
 * character of the scheme is marked, the flow is sanitized for the scheme's rules. The marks travel
 * with the flow (through concatenation and project method summaries) like sanitization does.
 *
 * <p>The recognition is by effect, not by name, and stays sound: a replacement counts only when its
 * target is one character and its text introduces no raw dangerous character of the scheme (escape
 * sequences of the scheme itself, such as {@code &lt;} or {@code \2a}, are fine); a replacement that
 * introduces a raw dangerous character, and any regex or multi-character replacement, takes the marks
 * it may undo away again, together with the sanitization they gave.
 */
final class CharEscapes {

    /** An escaping scheme: the rules it protects, the characters it must replace, its escape sequences. */
    record Scheme(String name, Set<String> rules, String dangerous, Pattern escape) {
    }

    /**
     * HTML text and quoted attributes: {@code & < > " '} become character references. LDAP: every
     * character special in a search filter (RFC 4515: {@code \ * ( )} NUL) or in a distinguished name
     * (RFC 4514: {@code , + " < > ; = #}) becomes a {@code \XX} hex pair; both notations accept hex
     * pairs for any character, so one escaping serves filters and names (the rule covers both sinks).
     */
    static final List<Scheme> SCHEMES = List.of(
            new Scheme("html", Set.of("java/xss"), "&<>\"'",
                    Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")),
            new Scheme("ldap", Set.of("java/ldap-injection"), "\\*()\0,+\"<>;=#",
                    Pattern.compile("\\\\[0-9a-fA-F]{2}")),
            new Scheme("ldap-filter", Set.of("java/ldap-injection#filter"), "\\*()\0",
                    Pattern.compile("\\\\[0-9a-fA-F]{2}")));

    /**
     * Sanitization for LDAP search filters only (RFC 4515 escapes {@code \ * ( )} NUL): enough where the
     * value becomes part of a search filter, not where it becomes a distinguished name.
     */
    static final String LDAP_FILTER = "java/ldap-injection#filter";

    /** Sinks whose LDAP input is a search filter (labels of the model rows). */
    static final Set<String> LDAP_FILTER_SINKS = Set.of("DirContext.search", "LDAPConnection.search", "Filter.create",
            "LdapConnection.search", "LdapTemplate.search");

    private static final String MARK = "escaped:";

    private CharEscapes() {
    }

    /**
     * The taint of {@code receiver.method(args)} when the call changes escaping marks, else null (the
     * ordinary propagation applies).
     */
    static Taint apply(Taint receiver, String method, List<Value> args) {
        if (receiver.isEmpty() || args.size() != 2
                || !(method.equals("replace") || method.equals("replaceAll") || method.equals("replaceFirst"))) {
            return null;
        }
        Object target = args.get(0).constant();
        Object replacement = args.get(1).constant();
        String d = method.equals("replace") ? text(target) : null;
        String r = text(replacement);
        boolean single = d != null && d.length() == 1 && r != null;
        boolean relevant = single && SCHEMES.stream().anyMatch(s -> s.dangerous().indexOf(d.charAt(0)) >= 0);
        boolean marked = receiver.flows().stream().anyMatch(f -> f.sanitized().stream().anyMatch(m -> m.startsWith(MARK)));
        if (!relevant && !marked) {
            return null;
        }
        Taint out = Taint.CLEAN;
        for (TaintFlow f : receiver.flows()) {
            out = out.union(Taint.of(f.withSanitized(update(f.sanitized(), single ? d.charAt(0) : null, r))));
        }
        return out;
    }

    /** The flow's marks and sanitization after replacing {@code c} (null: something else) by {@code r}. */
    private static Set<String> update(Set<String> sanitized, Character c, String r) {
        Set<String> out = new HashSet<>(sanitized);
        for (Scheme s : SCHEMES) {
            boolean wasComplete = complete(out, s);
            String raw = r == null || c == null ? s.dangerous() : s.escape().matcher(r).replaceAll("");
            for (char x : s.dangerous().toCharArray()) {
                if (raw.indexOf(x) >= 0) {
                    out.remove(mark(s, x));
                }
            }
            if (c != null && s.dangerous().indexOf(c) >= 0) {
                out.add(mark(s, c));
            }
            if (complete(out, s)) {
                out.addAll(s.rules());
            } else if (wasComplete) {
                out.removeAll(s.rules()); // what the marks gave, the undoing replacement takes back
            }
        }
        return out;
    }

    /**
     * The flows of a single character known to be none of {@code excluded}: appending it to a string adds
     * none of those characters, which marks them as for a replacement (and sanitizes a complete scheme).
     */
    static Taint excluding(Taint t, Set<Character> excluded) {
        Taint out = Taint.CLEAN;
        for (TaintFlow f : t.flows()) {
            Set<String> s = new HashSet<>(f.sanitized());
            for (Scheme scheme : SCHEMES) {
                for (char x : scheme.dangerous().toCharArray()) {
                    if (excluded.contains(x)) {
                        s.add(mark(scheme, x));
                    }
                }
                if (complete(s, scheme)) {
                    s.addAll(scheme.rules());
                }
            }
            out = out.union(Taint.of(f.withSanitized(s)));
        }
        return out;
    }

    private static boolean complete(Set<String> sanitized, Scheme s) {
        for (char x : s.dangerous().toCharArray()) {
            if (!sanitized.contains(mark(s, x))) {
                return false;
            }
        }
        return true;
    }

    private static String mark(Scheme s, char c) {
        return MARK + s.name() + ":" + c;
    }

    private static String text(Object constant) {
        if (constant instanceof String s) {
            return s;
        }
        if (constant instanceof Character ch) {
            return String.valueOf(ch);
        }
        return null;
    }
}
