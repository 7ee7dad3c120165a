package dev.vigil.java.fix;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import java.util.List;

/**
 * Small private static helper methods a fix adds once to the top-level class of the file (a static
 * method in an inner class would need Java 16). Every fix that needs the same helper produces the same
 * insertion, so several fixes in one file share one copy; a method of that name the class already has
 * is reused when it is the same helper, otherwise the new one gets a free name.
 */
final class HelperMethods {

    private HelperMethods() {
    }

    /**
     * The name to call the helper by, adding its declaration to {@code edits} when the class lacks it;
     * null when the file has no type that can hold it (an annotation, an interface before Java 9).
     *
     * @param lines the declaration, one line per element, indented relative to the member level with
     *              four spaces per level, using {@code NAME} for the method name
     */
    static String ensure(FixSite site, String baseName, List<String> lines, List<Edit> edits) {
        ClassTree top = null;
        for (Tree t : site.unit().tree().getTypeDecls()) {
            if (t instanceof ClassTree c && site.start(c) <= site.start(site.sink().getLeaf())
                    && site.end(c) >= site.end(site.sink().getLeaf())) {
                top = c;
            }
        }
        if (top == null || top.getKind() == Tree.Kind.ANNOTATION_TYPE
                || top.getKind() == Tree.Kind.INTERFACE && site.languageLevel() < 9) { // private interface methods: Java 9
            return null;
        }
        String name = baseName;
        for (int n = 2; ; n++) {
            MethodTree existing = method(top, name);
            if (existing == null) {
                break;
            }
            String declaration = String.join("\n", lines.stream().filter(l -> !l.strip().startsWith("/**") && !l.strip().startsWith("*")).toList());
            if (normalized(site.source(existing)).equals(normalized(declaration.replace("NAME", name)))) {
                return name; // added by an earlier run
            }
            name = baseName + n;
        }
        String indent = memberIndent(site, top);
        String unit = indent.startsWith("\t") ? "\t" : "    ";
        String sep = site.lineSeparator();
        StringBuilder text = new StringBuilder(sep);
        for (String line : lines) {
            String body = line.stripLeading();
            int level = (line.length() - body.length()) / 4;
            String extra = body.startsWith("*") ? " " : ""; // a doc comment's continuation lines
            text.append(indent).append(unit.repeat(level)).append(extra).append(body.replace("NAME", name)).append(sep);
        }
        int close = site.end(top) - 1; // the class's closing brace
        if (site.startsLine(close)) {
            edits.add(Edit.insert(site.lineStart(close), text.toString()));
        } else {
            edits.add(Edit.insert(close, text + site.indentation(site.start(top))));
        }
        return name;
    }

    private static MethodTree method(ClassTree c, String name) {
        for (Tree m : c.getMembers()) {
            if (m instanceof MethodTree mt && mt.getName().contentEquals(name)) {
                return mt;
            }
        }
        return null;
    }

    private static String normalized(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String memberIndent(FixSite site, ClassTree c) {
        for (Tree m : c.getMembers()) {
            if (site.start(m) >= 0 && site.startsLine(site.start(m))) {
                return site.indentation(site.start(m));
            }
        }
        return site.indentation(site.start(c)) + "    ";
    }
}
