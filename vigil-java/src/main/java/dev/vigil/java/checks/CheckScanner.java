package dev.vigil.java.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.constants.ConstantResolver;
import dev.vigil.java.constants.ValueSet;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;

/**
 * A tree walk over one unit that keeps the current path, so that calls, types and values are
 * resolved without searching the unit for each tree.
 */
abstract class CheckScanner extends TreePathScanner<Void, Void> {

    protected final ParsedUnit unit;
    protected final CheckContext context;
    protected final ConstantResolver constants;

    CheckScanner(ParsedUnit unit, CheckContext context) {
        this.unit = unit;
        this.context = context;
        this.constants = context.constants(unit);
    }

    void run() {
        scan(unit.tree(), null);
    }

    /** The target of the call or constructor at the current path. */
    CallTarget target() {
        return getCurrentPath().getLeaf() instanceof com.sun.source.tree.NewClassTree
                ? CallTarget.ofNew(unit, getCurrentPath()) : CallTarget.of(unit, getCurrentPath());
    }

    TreePath pathOf(Tree child) {
        return new TreePath(getCurrentPath(), child);
    }

    /** The possible values of an argument of the call at the current path. */
    ValueSet argument(int index) {
        Tree leaf = getCurrentPath().getLeaf();
        var args = leaf instanceof MethodInvocationTree m ? m.getArguments()
                : ((com.sun.source.tree.NewClassTree) leaf).getArguments();
        return index < args.size() ? constants.resolve(pathOf(args.get(index))) : ValueSet.unknown();
    }

    TreePath argumentPath(int index) {
        Tree leaf = getCurrentPath().getLeaf();
        var args = leaf instanceof MethodInvocationTree m ? m.getArguments()
                : ((com.sun.source.tree.NewClassTree) leaf).getArguments();
        return pathOf(args.get(index));
    }

    /** The receiver of the call at the current path, or null for an unqualified call. */
    TreePath receiverPath() {
        MethodInvocationTree call = (MethodInvocationTree) getCurrentPath().getLeaf();
        if (call.getMethodSelect() instanceof MemberSelectTree ms) {
            return new TreePath(pathOf(ms), ms.getExpression());
        }
        return null;
    }

    String typeOf(TreePath path) {
        return CallTarget.typeOf(unit, path);
    }

    static ExpressionTree strip(ExpressionTree e) {
        ExpressionTree cur = e;
        while (cur instanceof com.sun.source.tree.ParenthesizedTree p) {
            cur = p.getExpression();
        }
        return cur;
    }

    void report(String rule, TreePath path, String message) {
        context.report(rule, unit, path, message);
    }
}
