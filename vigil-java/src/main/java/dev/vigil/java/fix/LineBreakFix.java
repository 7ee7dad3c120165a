package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import dev.vigil.java.checks.Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * java/header-injection and java/log-injection: every non-constant String argument of the sink has its
 * CR and LF removed ({@code value.replaceAll("[\\r\\n]", "")}), so it can neither split an HTTP header
 * nor forge a log line. Text without line breaks is unchanged, so safe inputs behave as before.
 */
final class LineBreakFix implements FixRecipe {

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/header-injection", "java/log-injection");
    }

    @Override
    public FixProposal propose(FixSite site) {
        List<? extends ExpressionTree> args;
        if (site.sink().getLeaf() instanceof MethodInvocationTree call) {
            args = call.getArguments();
        } else if (site.sink().getLeaf() instanceof NewClassTree creation) {
            args = creation.getArguments();
        } else {
            return site.notFixable("the sink is not a call");
        }
        List<Edit> edits = new ArrayList<>();
        for (ExpressionTree arg : args) {
            if (!site.isString(arg) || Constants.string(site.unit(), arg).isPresent()) {
                continue;
            }
            String text = site.source(arg);
            boolean simple = arg instanceof IdentifierTree || arg instanceof MemberSelectTree
                    || arg instanceof MethodInvocationTree || arg instanceof ParenthesizedTree;
            edits.add(Edit.replace(site.start(arg), site.end(arg),
                    (simple ? text : "(" + text + ")") + ".replaceAll(\"[\\\\r\\\\n]\", \"\")"));
        }
        if (edits.isEmpty()) {
            return site.notFixable("no String argument to strip line breaks from (the value is an object formatted later)");
        }
        return site.edits("CR/LF stripped from " + edits.size() + " argument(s)", edits);
    }
}
