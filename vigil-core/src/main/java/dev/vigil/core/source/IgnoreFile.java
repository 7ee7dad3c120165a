package dev.vigil.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one .gitignore file. Patterns are relative to the directory holding the file
 * ({@code dir}: its absolute path with '/' separators), which may lie above the scan base when the
 * scanned directory is inside a repository. Within a file the last matching
 * rule wins; across files the deeper file wins, which {@link IgnoreStack} implements.
 */
record IgnoreFile(String dir, List<IgnoreFile.Rule> rules) {

    record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {
    }

    /** What a file says about a path: nothing, ignore it, or re-include it (a "!" rule). */
    enum Verdict { NONE, IGNORED, INCLUDED }

    static IgnoreFile parse(String dir, String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = false;
            if (line.startsWith("!")) {
                negated = true;
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean dirOnly = false;
            if (line.endsWith("/")) {
                dirOnly = true;
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            rules.add(new Rule(Pattern.compile(Glob.toRegex(line)), negated, dirOnly));
        }
        return new IgnoreFile(dir, List.copyOf(rules));
    }

    /** Trailing spaces are ignored unless escaped with a backslash, as git does. */
    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        String s = line.substring(0, end);
        return s.endsWith("\\ ") ? s.substring(0, s.length() - 2) + " " : s;
    }

    /** @param absolutePath absolute path with '/' separators */
    Verdict check(String absolutePath, boolean isDirectory) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        if (!absolutePath.startsWith(prefix)) {
            return Verdict.NONE;
        }
        String local = absolutePath.substring(prefix.length());
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.directoryOnly() && !isDirectory) {
                continue;
            }
            if (r.pattern().matcher(local).matches()) {
                return r.negated() ? Verdict.INCLUDED : Verdict.IGNORED;
            }
        }
        return Verdict.NONE;
    }
}
