package dev.vigil.core.source;

import java.util.regex.Pattern;

/**
 * A gitignore-style glob compiled to a regular expression over '/'-separated relative paths.
 * {@code *} and {@code ?} stay within one path segment, {@code **} crosses segments, {@code [a-z]}
 * and {@code [!a-z]} are character classes. A glob without a '/' (other than a trailing one) matches
 * a file or directory name at any depth, as in .gitignore; a glob with one matches from the start of
 * the path.
 */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** Compiles a user glob (from --include / --exclude); a leading "./" or "/" anchors it to the base. */
    public static Glob compile(String glob) {
        String g = glob.strip().replace('\\', '/');
        if (g.startsWith("./")) {
            g = "/" + g.substring(2);
        }
        if (g.endsWith("/") && g.length() > 1) {
            g = g.substring(0, g.length() - 1);
        }
        if (g.isEmpty()) {
            throw new IllegalArgumentException("empty glob");
        }
        return new Glob(glob, Pattern.compile(toRegex(g)));
    }

    /** The regular expression for a gitignore-style pattern (no leading '!' and no trailing '/'). */
    static String toRegex(String glob) {
        boolean anchored = glob.indexOf('/') >= 0;
        String body = glob.startsWith("/") ? glob.substring(1) : glob;
        StringBuilder re = new StringBuilder();
        if (!anchored) {
            re.append("(?:.*/)?");
        }
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c == '*' && i + 1 < n && body.charAt(i + 1) == '*') {
                boolean atSegmentStart = i == 0 || body.charAt(i - 1) == '/';
                boolean followedBySlash = i + 2 < n && body.charAt(i + 2) == '/';
                boolean atEnd = i + 2 == n;
                if (atSegmentStart && followedBySlash) {
                    re.append("(?:.*/)?"); // "**/" : zero or more directories
                    i += 2;
                } else if (atSegmentStart && atEnd) {
                    re.append(".*");       // trailing "/**" : everything inside
                    i += 1;
                } else {
                    re.append("[^/]*");    // "a**b" is two stars in git: within one segment
                    i += 1;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = body.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String cls = body.substring(i + 1, close);
                    if (cls.startsWith("!")) {
                        cls = "^" + cls.substring(1);
                    }
                    re.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(body.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** True when the relative path (or, for a directory, the directory itself) matches. */
    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
    }

    /** True when the path or one of its parent directories matches, so "--exclude gen" covers gen/A.java. */
    public boolean matchesPathOrParent(String relativePath) {
        String p = relativePath;
        while (true) {
            if (matches(p)) {
                return true;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            p = p.substring(0, slash);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
