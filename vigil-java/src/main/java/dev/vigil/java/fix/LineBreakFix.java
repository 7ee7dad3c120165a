package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * java/header-injection and java/log-injection: every non-constant String argument of the sink has its
 * CR and LF removed ({@code value.replaceAll("[\\r\\n]", "")}), so it can neither split an HTTP header
 * nor forge a log line. Text without line breaks is unchanged, so safe inputs behave as before. A message
 * supplier ({@code LOG.info(() -> "..." + x)}) has its result stripped; a servlet {@code Cookie} added to
 * the response has the String values it was created with stripped (inline or in the local's initializer).
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
            if (arg instanceof LambdaExpressionTree lambda && lambda.getBody() instanceof ExpressionTree body
                    && site.isString(body) && Constants.string(site.unit(), body).isEmpty()) {
                // A message supplier (LOG.info(() -> "..." + x)): its result is what gets logged.
                edits.add(strip(site, body));
                continue;
            }
            ExpressionTree created = cookieCreation(site, arg);
            if (created instanceof NewClassTree cookie) {
                // A Cookie's value becomes a Set-Cookie header: strip the values it is created with.
                for (ExpressionTree value : cookie.getArguments()) {
                    if (site.isString(value) && Constants.string(site.unit(), value).isEmpty()) {
                        edits.add(strip(site, value));
                    }
                }
                continue;
            }
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
            edits.add(strip(site, arg));
        }
        if (edits.isEmpty()) {
            return site.notFixable("no String argument to strip line breaks from (the value is an object formatted"
                    + " later, or a value of a type unknown without the project's dependencies)");
        }
        return site.edits("CR/LF stripped from " + edits.size() + " argument(s)", edits);
    }

    /** {@code value.replaceAll("[\\r\\n]", "")}, parenthesized where the value is an operator expression. */
    private static Edit strip(FixSite site, ExpressionTree value) {
        boolean simple = value instanceof IdentifierTree || value instanceof MemberSelectTree
                || value instanceof MethodInvocationTree || value instanceof ParenthesizedTree
                || value instanceof com.sun.source.tree.ArrayAccessTree;
        String text = site.source(value);
        return Edit.replace(site.start(value), site.end(value),
                (simple ? text : "(" + text + ")") + ".replaceAll(\"[\\\\r\\\\n]\", \"\")");
    }

    /**
     * The {@code new Cookie(name, value)} a servlet cookie argument comes from: the argument itself, or the
     * initializer of a local never assigned again.
     */
    private static ExpressionTree cookieCreation(FixSite site, ExpressionTree arg) {
        ExpressionTree e = arg;
        if (e instanceof IdentifierTree) {
            Element local = site.element(e);
            TreePath method = site.enclosingMethod(site.sink()).orElse(null);
            if (local == null || local.getKind() != ElementKind.LOCAL_VARIABLE || method == null
                    || Locals.assigned(site, method.getLeaf(), local)) {
                return null;
            }
            VariableTree decl = Locals.declaration(site, method.getLeaf(), local);
            e = decl == null ? null : decl.getInitializer();
        }
        if (e instanceof NewClassTree creation && creation.getArguments().size() == 2) {
            String type = creation.getIdentifier().toString();
            return type.equals("Cookie") || type.endsWith(".Cookie") ? creation : null;
        }
        return null;
    }
}
