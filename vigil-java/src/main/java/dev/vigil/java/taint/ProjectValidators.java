package dev.vigil.java.taint;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * A project method that only returns a condition ({@code boolean isLocalPath(String p) { return
 * p.startsWith("/") && !p.startsWith("//"); }}) is a validator: used as a guard, its condition is
 * evaluated on the caller's arguments, so what it checks refines the caller's variables the same way
 * the condition written inline would.
 */
final class ProjectValidators {

    private ProjectValidators() {
    }

    static void refine(MethodAnalyzer a, TreePath callPath, MethodInvocationTree call, Env then, Env otherwise) {
        ProgramIndex.MethodInfo m = a.singleProjectTarget(callPath);
        if (m == null || m.tree().getBody() == null) {
            return;
        }
        BlockTree body = m.tree().getBody();
        if (body.getStatements().size() != 1 || !(body.getStatements().get(0) instanceof ReturnTree ret)
                || ret.getExpression() == null) {
            return;
        }
        List<? extends ExpressionTree> args = call.getArguments();
        if (args.size() != m.tree().getParameters().size()) {
            return;
        }
        MethodAnalyzer callee = new MethodAnalyzer(a.engine(), m, List.of(), false, new Summary());
        Env calleeEnv = new Env();
        Element[] params = new Element[args.size()];
        Element[] callerVars = new Element[args.size()];
        boolean anyVariable = false;
        for (int i = 0; i < args.size(); i++) {
            params[i] = m.unit().trees().getElement(new TreePath(m.path(), m.tree().getParameters().get(i)));
            TreePath argPath = new TreePath(callPath, args.get(i));
            if (params[i] != null) {
                calleeEnv.put(params[i], a.peek(argPath, then));
            }
            if (args.get(i) instanceof IdentifierTree) {
                Element e = a.unit().trees().getElement(argPath);
                if (e instanceof VariableElement ve && !ve.getKind().isField()) {
                    callerVars[i] = ve;
                    anyVariable = true;
                }
            }
        }
        if (!anyVariable) {
            return;
        }
        TreePath condition = new TreePath(new TreePath(new TreePath(m.path(), body), ret), ret.getExpression());
        Env[] branches;
        try {
            branches = callee.branches(condition, calleeEnv);
        } catch (RuntimeException e) { // a budget stop or javac failure: no refinement
            return;
        }
        for (int i = 0; i < args.size(); i++) {
            if (callerVars[i] == null || params[i] == null) {
                continue;
            }
            copy(branches[0], params[i], then, callerVars[i]);
            copy(branches[1], params[i], otherwise, callerVars[i]);
        }
    }

    private static void copy(Env from, Element param, Env to, Element var) {
        if (from.isDead() || to.isDead()) {
            return;
        }
        Value v = from.get(param);
        if (v != null) {
            to.put(var, v);
        }
    }
}
