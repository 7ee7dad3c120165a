package dev.vigil.java.frontend;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.List;

/** {@code @SuppressWarnings("vigil:java/sql-injection")} (or "vigil:all") on an enclosing declaration. */
public final class Suppressions {

    private Suppressions() {
    }

    /** The justification text when a declaration enclosing {@code path} suppresses {@code ruleId}, else null. */
    public static String annotated(TreePath path, String ruleId) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            Tree t = p.getLeaf();
            ModifiersTree mods = switch (t) {
                case MethodTree m -> m.getModifiers();
                case ClassTree c -> c.getModifiers();
                case VariableTree v -> v.getModifiers();
                default -> null;
            };
            if (mods == null) {
                continue;
            }
            for (AnnotationTree a : mods.getAnnotations()) {
                String type = a.getAnnotationType().toString();
                if (!type.equals("SuppressWarnings") && !type.equals("java.lang.SuppressWarnings")) {
                    continue;
                }
                for (ExpressionTree arg : a.getArguments()) {
                    ExpressionTree value = arg instanceof AssignmentTree as ? as.getExpression() : arg;
                    List<? extends ExpressionTree> values = value instanceof NewArrayTree na && na.getInitializers() != null
                            ? na.getInitializers() : List.of(value);
                    for (ExpressionTree v : values) {
                        if (v instanceof LiteralTree l && l.getValue() instanceof String s
                                && (s.equals("vigil:" + ruleId) || s.equals("vigil:all"))) {
                            return "@SuppressWarnings(\"" + s + "\")";
                        }
                    }
                }
            }
        }
        return null;
    }
}
