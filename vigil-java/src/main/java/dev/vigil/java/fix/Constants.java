package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Compile-time string values of expressions, as javac folds them: literals, constant variables and
 * concatenations of those. Fixes keep such text as it is (SQL text around placeholders, HTML markup).
 */
final class Constants {

    private Constants() {
    }

    static Optional<String> string(ParsedUnit unit, ExpressionTree e) {
        Object v = value(unit, e);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    static Object value(ParsedUnit unit, ExpressionTree e) {
        if (e instanceof ParenthesizedTree p) {
            return value(unit, p.getExpression());
        }
        if (e instanceof LiteralTree l) {
            return l.getValue();
        }
        if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            Object l = value(unit, b.getLeftOperand());
            Object r = value(unit, b.getRightOperand());
            if (l != null && r != null && (l instanceof String || r instanceof String)) {
                return String.valueOf(l) + r;
            }
            return null;
        }
        if (e instanceof ConditionalExpressionTree) {
            return null;
        }
        TreePath path = unit.path(e);
        if (path == null) {
            return null;
        }
        Element el = unit.trees().getElement(path);
        if (el instanceof VariableElement v) {
            return v.getConstantValue();
        }
        return null;
    }
}
