package dev.vigil.java.frontend;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;

/** The expressions a method body returns, not counting returns inside lambdas and nested classes. */
public final class ReturnedExpressions {

    private ReturnedExpressions() {
    }

    public static List<TreePath> of(TreePath body) {
        List<TreePath> returns = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitReturn(ReturnTree r, Void unused) {
                if (r.getExpression() != null) {
                    returns.add(new TreePath(getCurrentPath(), r.getExpression()));
                }
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree c, Void unused) {
                return null;
            }
        }.scan(body, null);
        return returns;
    }
}
