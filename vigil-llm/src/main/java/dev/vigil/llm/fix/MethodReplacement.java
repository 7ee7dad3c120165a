package dev.vigil.llm.fix;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a model's replacement for a {@link MethodRegion} before it becomes an edit: it must parse as
 * exactly one method (or constructor) with the same name and parameter types, and carry nothing else —
 * no imports, no package line, no other member, no class header. New types must be written with their
 * fully qualified names, since an import would change code outside the method.
 */
public final class MethodReplacement {

    /** An accepted replacement (the region's new text) or why the answer was rejected. */
    public record Checked(String replacement, String problem) {
        public boolean accepted() {
            return problem == null;
        }
    }

    private MethodReplacement() {
    }

    /**
     * @param lineSeparator the file's line separator; the replacement is written with it
     */
    public static Checked check(MethodRegion region, String answer, String lineSeparator) {
        String text = stripFences(answer == null ? "" : answer);
        if (text.isBlank()) {
            return rejected("the answer holds no method");
        }
        for (String line : text.split("\r?\n|\r")) {
            String l = line.strip();
            if (l.startsWith("import ") || l.startsWith("package ")) {
                return rejected("it changes code outside the method (an import or package line);"
                        + " new types must be written fully qualified");
            }
        }
        String wrapperName = region.className().isEmpty() ? "VigilFixCheck" : region.className();
        String wrapped = "class " + wrapperName + " {\n" + text + "\n}\n";
        MethodRegion.Parsed parsed = MethodRegion.Parsed.of(wrapped);
        if (parsed.unit == null) {
            return rejected("it does not parse as one method: " + parsed.error.replace("\n", " "));
        }
        if (parsed.unit.getTypeDecls().size() != 1) {
            return rejected("it changes code outside the method (a class or type declaration)");
        }
        List<? extends Tree> members = parsed.firstClassMembers();
        if (members.size() != 1 || !(members.get(0) instanceof MethodTree m)) {
            return rejected("it changes code outside the method (" + members.size() + " class members instead of"
                    + " the one method)");
        }
        if (!m.getName().contentEquals(region.name())) {
            return rejected("it renames the method to " + m.getName() + " (callers would break)");
        }
        List<String> params = new ArrayList<>();
        for (VariableTree p : m.getParameters()) {
            params.add(MethodRegion.normalizeType(p.getType()));
        }
        if (!params.equals(region.parameterTypes())) {
            return rejected("it changes the parameters from (" + String.join(", ", region.parameterTypes()) + ") to ("
                    + String.join(", ", params) + "), which callers would not match");
        }
        return new Checked(reindent(region, text).replaceAll("\r\n|\r|\n", java.util.regex.Matcher.quoteReplacement(lineSeparator)),
                null);
    }

    private static Checked rejected(String problem) {
        return new Checked(null, problem);
    }

    /** The answer without a surrounding Markdown code fence and blank edge lines. */
    static String stripFences(String answer) {
        List<String> lines = new ArrayList<>(java.util.Arrays.asList(answer.split("\r?\n|\r", -1)));
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (!lines.isEmpty() && lines.get(0).strip().startsWith("```")) {
            lines.remove(0);
            if (!lines.isEmpty() && lines.get(lines.size() - 1).strip().equals("```")) {
                lines.remove(lines.size() - 1);
            }
        }
        // Keep the first line's indentation; drop blank lines around the method.
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    /** Gives the answer the original's indentation when the model dropped it. */
    private static String reindent(MethodRegion region, String text) {
        String original = leading(region.text());
        String given = leading(text);
        if (given.length() >= original.length() || !original.startsWith(given)) {
            return text;
        }
        String extra = original.substring(given.length());
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(lines[i].isBlank() ? lines[i] : extra + lines[i]);
        }
        return sb.toString();
    }

    private static String leading(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(0, i);
    }
}
