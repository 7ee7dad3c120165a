package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

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
        boolean log = site.finding().ruleId().equals("java/log-injection");
        List<Edit> edits = new ArrayList<>();
        for (ExpressionTree arg : args) {
            if (Constants.string(site.unit(), arg).isPresent()) {
                continue;
            }
            String text = site.source(arg);
            if (!site.isString(arg)) {
                // A logger formats any object with String.valueOf, so stripping that text changes nothing
                // else; a header value of unknown type is left alone (null there means "remove").
                TypeMirror type = site.type(arg);
                boolean objectLike = type == null || type.getKind() == TypeKind.ERROR
                        || type.toString().equals("java.lang.Object");
                if (log && objectLike && !(arg instanceof com.sun.source.tree.LiteralTree)) {
                    edits.add(Edit.replace(site.start(arg), site.end(arg),
                            "String.valueOf(" + text + ").replaceAll(\"[\\\\r\\\\n]\", \"\")"));
                }
                continue;
            }
            boolean simple = arg instanceof IdentifierTree || arg instanceof MemberSelectTree
                    || arg instanceof MethodInvocationTree || arg instanceof ParenthesizedTree
                    || arg instanceof com.sun.source.tree.ArrayAccessTree;
            edits.add(Edit.replace(site.start(arg), site.end(arg),
                    (simple ? text : "(" + text + ")") + ".replaceAll(\"[\\\\r\\\\n]\", \"\")"));
        }
        if (edits.isEmpty()) {
            return site.notFixable("no String argument to strip line breaks from (the value is an object formatted later)");
        }
        return site.edits("CR/LF stripped from " + edits.size() + " argument(s)", edits);
    }
}
