package dev.vigil.java.fix;

/**
 * The allow-list check fixes insert before a statement when a value must keep supplying code (a shell
 * argument, an SQL name) and cannot be bound: a commented {@code matches} test that throws
 * {@code IllegalArgumentException}. The taint engine reads such a test against a pattern of bounded
 * character classes as sanitizing the variable where it passed, which is what lets the verifier see the
 * finding gone.
 * <pre>
 * // Allow-list: …
 * if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
 *     throw new IllegalArgumentException("… not allowed");
 * }
 * </pre>
 */
final class AllowListCheck {

    private AllowListCheck() {
    }

    /**
     * The check as lines to insert before a statement indented by {@code indent} (it ends with the separator
     * and that indentation, so the statement keeps its place).
     */
    static String text(String variable, String regex, String comment, String message, String sep, String indent) {
        return "// " + comment + sep + indent + test(variable, regex, message, sep, indent);
    }

    /** The {@code if} statement alone, without the comment (several checks may share one). */
    static String test(String variable, String regex, String message, String sep, String indent) {
        return "if (" + variable + " != null && !" + variable + ".matches(" + FixSite.literal(regex) + ")) {" + sep
                + indent + "    throw new IllegalArgumentException(" + FixSite.literal(message) + ");" + sep
                + indent + "}" + sep + indent;
    }
}
