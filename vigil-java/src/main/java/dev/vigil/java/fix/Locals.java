package dev.vigil.java.fix;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/** Questions about local variables that decide whether moving code is safe. */
final class Locals {

    /** Methods whose call neither has side effects nor depends on mutable state beyond the receiver. */
    private static final Set<String> PURE = Set.of("toLowerCase", "toUpperCase", "trim", "strip", "toString",
            "valueOf", "length", "substring");

    private Locals() {
    }

    /** The declaration of a local variable inside {@code scope}, or null. */
    static VariableTree declaration(FixSite site, Tree scope, Element element) {
        VariableTree[] found = new VariableTree[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                if (element.equals(site.unit().trees().getElement(getCurrentPath()))) {
                    found[0] = node;
                }
                return super.visitVariable(node, unused);
            }
        }.scan(pathOf(site, scope), null);
        return found[0];
    }

    /** Whether the variable is assigned (or incremented) anywhere in {@code scope} after its declaration. */
    static boolean assigned(FixSite site, Tree scope, Element element) {
        boolean[] found = new boolean[1];
        new AssignmentScanner() {
            @Override
            void assigns(ExpressionTree target) {
                if (element.equals(site.unit().trees().getElement(new TreePath(getCurrentPath(), target)))) {
                    found[0] = true;
                }
            }
        }.scan(pathOf(site, scope), null);
        return found[0];
    }

    /** Scans the code of one body: lambdas and classes declared inside it are code of their own and are skipped. */
    static class OwnCodeScanner extends TreePathScanner<Void, Void> {
        @Override
        public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
            return null;
        }

        @Override
        public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
            return null;
        }
    }

    /**
     * Sees the target of every assignment, compound assignment ({@code +=}…) and increment or decrement below
     * the tree it scans.
     */
    abstract static class AssignmentScanner extends TreePathScanner<Void, Void> {

        /** One variable (or field, or array slot) given a new value; the current path is the assigning tree. */
        abstract void assigns(ExpressionTree target);

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
            assigns(node.getVariable());
            return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
            assigns(node.getVariable());
            return super.visitCompoundAssignment(node, unused);
        }

        @Override
        public Void visitUnary(UnaryTree node, Void unused) {
            switch (node.getKind()) {
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> assigns(node.getExpression());
                default -> {
                }
            }
            return super.visitUnary(node, unused);
        }
    }

    /**
     * Every value the variable is given inside {@code scope}: its initializer (when it has one) and the right-hand
     * side of each plain assignment, in source order; null when it is also changed another way ({@code +=}, {@code ++}).
     */
    static java.util.List<ExpressionTree> definitions(FixSite site, Tree scope, Element element) {
        java.util.List<ExpressionTree> out = new java.util.ArrayList<>();
        boolean[] other = new boolean[1];
        new TreePathScanner<Void, Void>() {
            private boolean targets(ExpressionTree target) {
                return element.equals(site.unit().trees().getElement(new TreePath(getCurrentPath(), target)));
            }

            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                if (node.getInitializer() != null && element.equals(site.unit().trees().getElement(getCurrentPath()))) {
                    out.add(node.getInitializer());
                }
                return super.visitVariable(node, unused);
            }

            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                if (targets(node.getVariable())) {
                    out.add(node.getExpression());
                }
                return super.visitAssignment(node, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
                other[0] |= targets(node.getVariable());
                return super.visitCompoundAssignment(node, unused);
            }

            @Override
            public Void visitUnary(UnaryTree node, Void unused) {
                switch (node.getKind()) {
                    case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
                            other[0] |= targets(node.getExpression());
                    default -> {
                    }
                }
                return super.visitUnary(node, unused);
            }
        }.scan(pathOf(site, scope), null);
        return other[0] ? null : out;
    }

    /**
     * Whether an expression gives the same value anywhere in the method: literals, parameters and locals
     * never reassigned, and pure String methods on those.
     */
    static boolean stable(FixSite site, Tree scope, ExpressionTree e) {
        if (e instanceof LiteralTree) {
            return true;
        }
        if (e instanceof ParenthesizedTree p) {
            return stable(site, scope, p.getExpression());
        }
        if (e instanceof BinaryTree b) {
            return stable(site, scope, b.getLeftOperand()) && stable(site, scope, b.getRightOperand());
        }
        if (e instanceof IdentifierTree id) {
            Element el = site.element(id);
            return el != null && (el.getKind() == ElementKind.PARAMETER || el.getKind() == ElementKind.LOCAL_VARIABLE
                    || el.getKind() == ElementKind.RESOURCE_VARIABLE) && !assigned(site, scope, el);
        }
        if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
                && PURE.contains(ms.getIdentifier().toString())) {
            return stable(site, scope, ms.getExpression())
                    && call.getArguments().stream().allMatch(a -> stable(site, scope, a));
        }
        return false;
    }

    private static TreePath pathOf(FixSite site, Tree scope) {
        TreePath p = site.path(scope);
        return p != null ? p : new TreePath(site.unit().tree());
    }
}
