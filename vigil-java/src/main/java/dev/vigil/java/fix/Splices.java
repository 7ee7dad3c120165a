package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A text built from constant pieces and spliced values: a concatenation or a
 * {@code new StringBuilder(…).append(…)….toString()} chain, flattened in order. Constant text is known
 * exactly, so a fix can tell where in the query language each value sits.
 */
final class Splices {

    /** A constant piece (text non-null) or a spliced value (value non-null). */
    record Part(String text, ExpressionTree value) {
    }

    private Splices() {
    }

    /** The parts of a concatenation or builder chain, or null when {@code e} is neither. */
    static List<Part> of(FixSite site, ExpressionTree e) {
        List<Part> out = new ArrayList<>();
        ExpressionTree inner = unwrap(e);
        if (SqlTemplate.isConcatenation(site, inner)) {
            concatenation(site, inner, out);
            return out;
        }
        if (inner instanceof MethodInvocationTree call && call.getArguments().isEmpty()
                && call.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("toString")
                && builder(site, ms.getExpression(), out)) {
            return out;
        }
        return null;
    }

    /** Whether a value is fixed at compile time or of a type that carries no text (numbers, booleans). */
    static boolean inert(FixSite site, ExpressionTree e) {
        if (Constants.value(site.unit(), e) != null) {
            return true;
        }
        TypeMirror t = site.type(e);
        return t != null && t.getKind().isPrimitive();
    }

    /** The constant text before part {@code index}, with earlier values written as {@code placeholder}. */
    static String before(List<Part> parts, int index, String placeholder) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < index; i++) {
            b.append(parts.get(i).text() != null ? parts.get(i).text() : placeholder);
        }
        return b.toString();
    }

    /** The constant text after part {@code index}, with later values written as {@code placeholder}. */
    static String after(List<Part> parts, int index, String placeholder) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i < parts.size(); i++) {
            b.append(parts.get(i).text() != null ? parts.get(i).text() : placeholder);
        }
        return b.toString();
    }

    private static void concatenation(FixSite site, ExpressionTree e, List<Part> out) {
        ExpressionTree inner = unwrap(e);
        if (inner instanceof BinaryTree b && SqlTemplate.isConcatenation(site, inner)) {
            concatenation(site, b.getLeftOperand(), out);
            concatenation(site, b.getRightOperand(), out);
            return;
        }
        add(site, inner, out);
    }

    /** {@code new StringBuilder(x)} or {@code new StringBuilder()} followed by {@code append(x)} calls. */
    private static boolean builder(FixSite site, ExpressionTree e, List<Part> out) {
        ExpressionTree inner = unwrap(e);
        if (inner instanceof NewClassTree n && n.getIdentifier().toString().matches("(java\\.lang\\.)?StringB(uilder|uffer)")) {
            if (n.getArguments().size() == 1) {
                TypeMirror t = site.type(n.getArguments().get(0));
                if (t != null && t.getKind() == TypeKind.INT) {
                    return true; // a capacity
                }
                concatenation(site, n.getArguments().get(0), out);
            }
            return n.getArguments().size() <= 1 && n.getClassBody() == null;
        }
        if (inner instanceof MethodInvocationTree call && call.getArguments().size() == 1
                && call.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("append")
                && builder(site, ms.getExpression(), out)) {
            concatenation(site, call.getArguments().get(0), out);
            return true;
        }
        return false;
    }

    private static void add(FixSite site, ExpressionTree e, List<Part> out) {
        Object constant = Constants.value(site.unit(), e);
        if (constant != null) {
            String text = String.valueOf(constant);
            if (!out.isEmpty() && out.get(out.size() - 1).text() != null) {
                text = out.remove(out.size() - 1).text() + text;
            }
            out.add(new Part(text, null));
        } else {
            out.add(new Part(null, e));
        }
    }

    /**
     * The operands of a {@code +} chain left to right (an expression that is not one is its own operand),
     * each passed through {@code strip} first (parentheses, and casts where the caller ignores them).
     */
    static void operands(ExpressionTree e, java.util.function.UnaryOperator<ExpressionTree> strip,
                         List<ExpressionTree> out) {
        ExpressionTree t = strip.apply(e);
        if (t instanceof BinaryTree b && b.getKind() == com.sun.source.tree.Tree.Kind.PLUS) {
            operands(b.getLeftOperand(), strip, out);
            operands(b.getRightOperand(), strip, out);
        } else {
            out.add(t);
        }
    }

    /** The expression inside any parentheses. */
    static ExpressionTree unwrap(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e;
    }
}
