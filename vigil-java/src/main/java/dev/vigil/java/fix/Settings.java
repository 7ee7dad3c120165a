package dev.vigil.java.fix;

import dev.vigil.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The project's {@code .properties} files as places to fix: where a key is set, so a weak algorithm
 * chosen by a setting is changed in the setting rather than in code that only reads it.
 */
final class Settings {

    /** The value of one key in one file, as an edit that replaces it. */
    record Definition(String file, int start, int end, String value) {
    }

    private Settings() {
    }

    /**
     * Every line of the files that sets {@code key} ({@code key=value}, {@code key: value} or
     * {@code key value}; comments and continued lines skipped, a continued value is never matched).
     */
    static List<Definition> definitions(List<SourceFile> files, String key) {
        List<Definition> out = new ArrayList<>();
        for (SourceFile f : files) {
            String text = f.text();
            int lineStart = 0;
            boolean continued = false;
            while (lineStart <= text.length()) {
                int nl = text.indexOf('\n', lineStart);
                int lineEnd = nl < 0 ? text.length() : nl;
                int end = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
                String line = text.substring(lineStart, end);
                boolean continues = endsWithOddBackslashes(line);
                if (!continued && !continues) {
                    Definition d = definition(f.relativePath(), line, lineStart, key);
                    if (d != null) {
                        out.add(d);
                    }
                }
                continued = continues;
                if (nl < 0) {
                    break;
                }
                lineStart = nl + 1;
            }
        }
        return out;
    }

    /**
     * The one edit that sets {@code key} to {@code strong} where its value is weak, or the reason there is
     * none (the key is set nowhere, in several files, or with a value that is not weak).
     */
    static Object change(List<SourceFile> files, String key, Predicate<String> weak, String strong) {
        List<Definition> defs = definitions(files, key).stream().filter(d -> weak.test(d.value())).toList();
        if (defs.isEmpty()) {
            return "the weak name is the configured value of \"" + key + "\", set in no .properties file of the"
                    + " project: change it where it is set";
        }
        if (defs.size() > 1 || defs.stream().map(Definition::file).distinct().count() > 1) {
            return "the weak name is the configured value of \"" + key + "\", set in several places ("
                    + String.join(", ", defs.stream().map(Definition::file).distinct().toList())
                    + "): change each setting by hand";
        }
        Definition d = defs.get(0);
        return new FileEdit(d.file(), Edit.replace(d.start(), d.end(), strong));
    }

    /** An edit of a file other than the Java file of the finding. */
    record FileEdit(String file, Edit edit) {
    }

    private static Definition definition(String file, String line, int lineStart, String key) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
            i++;
        }
        if (i >= line.length() || line.charAt(i) == '#' || line.charAt(i) == '!' || !line.startsWith(key, i)) {
            return null;
        }
        int j = i + key.length();
        int k = j;
        while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
            k++;
        }
        if (k < line.length() && (line.charAt(k) == '=' || line.charAt(k) == ':')) {
            k++;
            while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
                k++;
            }
        } else if (k == j && k < line.length()) {
            return null; // a longer key that starts with this one
        }
        int end = line.length();
        while (end > k && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        String value = line.substring(k, end);
        if (value.indexOf('\\') >= 0) {
            return null; // escapes: the text is not the value
        }
        return new Definition(file, lineStart + k, lineStart + end, value);
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
