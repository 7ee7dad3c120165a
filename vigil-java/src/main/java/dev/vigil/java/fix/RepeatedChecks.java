package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops an allow-list check ({@link AllowListCheck}) that a fix would insert when an earlier fix of the same
 * file already inserts the same check of the same variable at a point every execution passes first (a
 * statement before it in an enclosing block of the same method) and the variable is never assigned in the
 * method: the value cannot change in between, so the second check could never fail.
 */
final class RepeatedChecks {

    /** One inserted check: an optional comment line, the {@code if} and its throw, with the following indentation. */
    private static final Pattern CHECK = Pattern.compile("(//[^\\r\\n]*\\R[ \\t]*)?if \\(([A-Za-z_$][\\w$]*) != null && !\\2\\.matches\\("
            + "(\"(?:[^\"\\\\]|\\\\.)*\")\\)\\) \\{\\R[ \\t]*throw new IllegalArgumentException\\(\"[^\"\\\\]*\"\\);\\R"
            + "[ \\t]*}\\R[ \\t]*");

    private RepeatedChecks() {
    }

    /**
     * The edits without the checks {@code existing} (accepted edits of the same file) already makes; the earlier
     * insertions that make them are added instead (identical edits are shared, written once), so the fix still
     * holds its check when it is applied or verified without the other finding's fix.
     */
    static List<Edit> without(ParsedUnit unit, List<Edit> edits, List<Edit> existing) {
        List<Edit> out = new ArrayList<>();
        List<Edit> covering = new ArrayList<>();
        for (Edit a : edits) {
            if (!FixEngine.isStatements(a)) {
                out.add(a);
                continue;
            }
            String text = a.replacement();
            StringBuilder kept = new StringBuilder();
            Matcher m = CHECK.matcher(text);
            int from = 0;
            while (m.find()) {
                Edit first = repeated(unit, a.offset(), m.group(2), m.group(3), text, existing);
                if (first != null) {
                    kept.append(text, from, m.start());
                    from = m.end();
                    if (!covering.contains(first)) {
                        covering.add(first);
                    }
                }
            }
            kept.append(text.substring(from));
            String left = kept.toString();
            if (left.equals(text)) {
                out.add(a);
            } else if (!left.isBlank()) {
                // What was before the first check stays; the indentation it ends with keeps the statement's place.
                out.add(Edit.insert(a.offset(), left));
            }
        }
        for (Edit c : covering) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The accepted insertion that already makes this check at a point always passed first, or null. */
    private static Edit repeated(ParsedUnit unit, int offset, String variable, String regex, String text,
                                 List<Edit> existing) {
        if (text.contains(" " + variable + " = ")) {
            return null; // the check reads a local the fix declares itself
        }
        for (Edit b : existing) {
            if (!FixEngine.isStatements(b) || b.offset() > offset) {
                continue;
            }
            Matcher m = CHECK.matcher(b.replacement());
            boolean same = false;
            while (m.find()) {
                same |= m.group(2).equals(variable) && m.group(3).equals(regex);
            }
            if (same && !b.replacement().contains(" " + variable + " = ")
                    && dominates(unit, b.offset(), offset, variable)) {
                return b;
            }
        }
        return null;
    }

    /**
     * Whether the statement starting at {@code first} always runs before the one starting at {@code later}, in the
     * same method, where {@code variable} is declared once and never assigned.
     */
    private static boolean dominates(ParsedUnit unit, int first, int later, String variable) {
        TreePath a = statementAt(unit, first);
        TreePath b = statementAt(unit, later);
        if (a == null || b == null) {
            return false;
        }
        Tree method = owner(a);
        if (!(method instanceof MethodTree) || owner(b) != method) {
            return false;
        }
        BlockTree block = (BlockTree) a.getParentPath().getLeaf();
        int index = block.getStatements().indexOf(a.getLeaf());
        for (TreePath p = b; p.getParentPath() != null; p = p.getParentPath()) {
            if (p.getParentPath().getLeaf() == block) {
                return block.getStatements().indexOf(p.getLeaf()) >= index && fixedIn(unit, method, variable);
            }
        }
        return false;
    }

    /** The innermost statement directly in a block that starts at the offset. */
    private static TreePath statementAt(ParsedUnit unit, int offset) {
        TreePath[] found = new TreePath[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree instanceof StatementTree && getCurrentPath() != null
                        && getCurrentPath().getLeaf() instanceof BlockTree && unit.startOffset(tree) == offset) {
                    found[0] = new TreePath(getCurrentPath(), tree);
                }
                return super.scan(tree, unused);
            }
        }.scan(unit.tree(), null);
        return found[0];
    }

    /** The method, lambda or class a statement's code belongs to. */
    private static Tree owner(TreePath p) {
        for (TreePath q = p; q != null; q = q.getParentPath()) {
            Tree t = q.getLeaf();
            if (t instanceof MethodTree || t instanceof LambdaExpressionTree || t instanceof ClassTree) {
                return t;
            }
        }
        return null;
    }

    /** Whether the method declares the name once (parameter or local) and never assigns it. */
    private static boolean fixedIn(ParsedUnit unit, Tree method, String variable) {
        int[] declared = new int[1];
        boolean[] assigned = new boolean[1];
        new Locals.AssignmentScanner() {
            @Override
            void assigns(ExpressionTree target) {
                if (target instanceof IdentifierTree id && id.getName().contentEquals(variable)) {
                    assigned[0] = true;
                }
            }

            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                if (node.getName().contentEquals(variable)) {
                    declared[0]++;
                }
                return super.visitVariable(node, unused);
            }
        }.scan(unit.path(method), null);
        return declared[0] == 1 && !assigned[0];
    }
}
