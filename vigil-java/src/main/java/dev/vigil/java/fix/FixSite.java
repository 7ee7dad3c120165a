package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.core.finding.Finding;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The place a recipe works on: the attributed unit, the finding, the tree at its sink, and the
 * project's Java language level. Helpers here answer the questions every recipe asks (which statement
 * holds the sink, how is it indented, which names are free, how to import a type) so that recipes only
 * describe their rewrite.
 */
public final class FixSite {

    private final ParsedUnit unit;
    private final Finding finding;
    private final TreePath sink;
    private final int languageLevel;
    private final List<dev.vigil.core.source.SourceFile> settings;

    FixSite(ParsedUnit unit, Finding finding, TreePath sink, int languageLevel) {
        this(unit, finding, sink, languageLevel, List.of());
    }

    FixSite(ParsedUnit unit, Finding finding, TreePath sink, int languageLevel,
            List<dev.vigil.core.source.SourceFile> settings) {
        this.unit = unit;
        this.finding = finding;
        this.sink = sink;
        this.languageLevel = languageLevel;
        this.settings = List.copyOf(settings);
    }

    /** The project's {@code .properties} files, where a setting the code reads can be changed. */
    List<dev.vigil.core.source.SourceFile> settings() {
        return settings;
    }

    public ParsedUnit unit() {
        return unit;
    }

    public Finding finding() {
        return finding;
    }

    /** The call or object creation the finding points at. */
    public TreePath sink() {
        return sink;
    }

    /** The project's Java release (8 for "1.8"); fixes never use language or library features above it. */
    public int languageLevel() {
        return languageLevel;
    }

    public String text() {
        return unit.file().text();
    }

    public String lineSeparator() {
        return unit.file().lineSeparator();
    }

    public int start(Tree t) {
        return (int) unit.startOffset(t);
    }

    public int end(Tree t) {
        return (int) unit.endOffset(t);
    }

    public String source(Tree t) {
        return unit.text(t);
    }

    public FixProposal.NotFixable notFixable(String reason) {
        return new FixProposal.NotFixable(finding, reason);
    }

    public FixProposal.Edits edits(String description, List<Edit> edits) {
        return new FixProposal.Edits(finding, unit.file().relativePath(), description, edits);
    }

    /** Edits of another file of the project than the finding's (a setting in a {@code .properties} file). */
    FixProposal.Edits editsIn(String file, String description, List<Edit> edits) {
        return new FixProposal.Edits(finding, file, description, edits);
    }

    public TreePath path(Tree t) {
        return unit.path(t);
    }

    /** The statement directly inside a block (or switch case) that contains {@code path}, if any. */
    public Optional<TreePath> enclosingStatement(TreePath path) {
        for (TreePath p = path; p != null && p.getParentPath() != null; p = p.getParentPath()) {
            Tree parent = p.getParentPath().getLeaf();
            if (parent instanceof LambdaExpressionTree || parent instanceof ClassTree) {
                return Optional.empty();
            }
            if (p.getLeaf() instanceof StatementTree && (parent instanceof BlockTree || parent instanceof CaseTree)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<TreePath> enclosingMethod(TreePath path) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof MethodTree) {
                return Optional.of(p);
            }
            if (p.getLeaf() instanceof ClassTree) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The whitespace that starts the line holding {@code offset}. */
    public String indentation(int offset) {
        String text = text();
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }

    /** The offset where the line holding {@code offset} starts. */
    public int lineStart(int offset) {
        return text().lastIndexOf('\n', offset - 1) + 1;
    }

    /** Whether only whitespace precedes {@code offset} on its line (a statement can then go on a line of its own). */
    public boolean startsLine(int offset) {
        int lineStart = lineStart(offset);
        return text().substring(lineStart, offset).isBlank();
    }

    /** A local name starting with {@code base} that no identifier in the enclosing method uses. */
    public String freshName(String base) {
        Set<String> used = new HashSet<>();
        Tree scope = enclosingMethod(sink).map(TreePath::getLeaf).orElse(unit.tree());
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                used.add(node.getName().toString());
                return null;
            }

            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                used.add(node.getName().toString());
                return super.visitVariable(node, unused);
            }
        }.scan(new TreePath(new TreePath(unit.tree()), scope), null);
        String name = base;
        for (int n = 2; used.contains(name); n++) {
            name = base + n;
        }
        return name;
    }

    /** The element (variable, method) a tree refers to, or null. */
    public Element element(Tree t) {
        TreePath p = unit.path(t);
        return p == null ? null : unit.trees().getElement(p);
    }

    public TypeMirror type(Tree t) {
        TreePath p = unit.path(t);
        return p == null ? null : unit.trees().getTypeMirror(p);
    }

    /** Whether the static type of an expression is java.lang.String. */
    public boolean isString(ExpressionTree e) {
        TypeMirror t = type(e);
        return t != null && t.getKind() == TypeKind.DECLARED && t.toString().equals("java.lang.String");
    }

    /** Every reference to the local variable declared by {@code decl} inside {@code scope}, except the declaration. */
    public List<TreePath> references(VariableTree decl, Tree scope) {
        Element target = element(decl);
        List<TreePath> refs = new ArrayList<>();
        if (target == null) {
            return refs;
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                if (target.equals(unit.trees().getElement(getCurrentPath()))) {
                    refs.add(getCurrentPath());
                }
                return null;
            }
        }.scan(new TreePath(new TreePath(unit.tree()), scope), null);
        return refs;
    }

    /**
     * The name to write for a type, adding an import when it is neither imported nor in java.lang or
     * the file's package. When another type of the same simple name is imported, the qualified name
     * is written instead of a clashing import.
     */
    public String typeName(String qualified, List<Edit> edits) {
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        String pkg = qualified.substring(0, qualified.lastIndexOf('.'));
        String imported = unit.importedType(simple);
        if (qualified.equals(imported)) {
            return simple;
        }
        if (imported != null) {
            return qualified;
        }
        if (pkg.equals("java.lang") || pkg.equals(unit.packageName()) || unit.starImports().contains(pkg)) {
            return simple;
        }
        edits.add(importEdit(qualified));
        return simple;
    }

    /** An insertion of {@code import qualified;} after the last import, or after the package clause. */
    Edit importEdit(String qualified) {
        CompilationUnitTree cu = unit.tree();
        List<? extends ImportTree> imports = cu.getImports();
        String sep = lineSeparator();
        if (!imports.isEmpty()) {
            // Before the first non-static import that sorts after it, so sorted import lists stay sorted.
            for (ImportTree imp : imports) {
                if (!imp.isStatic() && imp.getQualifiedIdentifier().toString().compareTo(qualified) > 0) {
                    return Edit.insert(start(imp), "import " + qualified + ";" + sep);
                }
            }
            return Edit.insert(end(imports.get(imports.size() - 1)), sep + "import " + qualified + ";");
        }
        if (cu.getPackage() != null) {
            return Edit.insert(end(cu.getPackage()), sep + sep + "import " + qualified + ";");
        }
        return Edit.insert(0, "import " + qualified + ";" + sep + sep);
    }

    /** A Java string literal for {@code s}. */
    public static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
