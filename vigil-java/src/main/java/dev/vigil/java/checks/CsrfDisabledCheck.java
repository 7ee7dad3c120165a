package dev.vigil.java.checks;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.ParsedUnit;

/**
 * java/csrf-disabled: Spring Security's CSRF protection switched off, in the 5.x chain style
 * ({@code http.csrf().disable()}) or the lambda DSL ({@code csrf(c -> c.disable())},
 * {@code csrf(AbstractHttpConfigurer::disable)}). Reported also behind a runtime condition and in
 * stateless APIs: the check cannot prove that no browser authenticates with a cookie. Ignoring
 * paths, custom token repositories and disabling other configurers are fine.
 */
public final class CsrfDisabledCheck implements JavaCheck {

    static final String RULE = "java/csrf-disabled";

    private static final String MESSAGE = "CSRF protection disabled: any site can make the browser send"
            + " authenticated state-changing requests; keep it on (exempt only endpoints that use no cookies)";

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        new CheckScanner(unit, context) {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms) {
                    String name = ms.getIdentifier().toString();
                    if (name.equals("disable") && call.getArguments().isEmpty()
                            && strip(ms.getExpression()) instanceof MethodInvocationTree inner
                            && isCsrf(inner) && inner.getArguments().isEmpty()) {
                        report(RULE, getCurrentPath(), MESSAGE); // http.csrf().disable()
                    } else if (isCsrf(call) && call.getArguments().size() == 1) {
                        TreePath disabling = disablingCustomizer(pathOf(call.getArguments().get(0)));
                        if (disabling != null) {
                            report(RULE, disabling, MESSAGE);
                        }
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.run();
    }

    private static boolean isCsrf(MethodInvocationTree call) {
        return call.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("csrf");
    }

    /** The disable call or reference inside a customizer passed to csrf(...), or null when it does not disable. */
    private static TreePath disablingCustomizer(TreePath customizer) {
        Tree t = customizer.getLeaf();
        if (t instanceof MemberReferenceTree ref) {
            return ref.getName().contentEquals("disable") ? customizer : null;
        }
        if (t instanceof LambdaExpressionTree lambda && lambda.getParameters().size() == 1) {
            String param = lambda.getParameters().get(0).getName().toString();
            Tree body = lambda.getBody();
            TreePath bodyPath = new TreePath(customizer, body);
            if (body instanceof BlockTree block && block.getStatements().size() == 1
                    && block.getStatements().get(0) instanceof ExpressionStatementTree es) {
                body = es.getExpression();
                bodyPath = new TreePath(new TreePath(bodyPath, es), body);
            }
            if (body instanceof MethodInvocationTree call && call.getArguments().isEmpty()
                    && call.getMethodSelect() instanceof MemberSelectTree ms
                    && ms.getIdentifier().contentEquals("disable")) {
                ExpressionTree receiver = ms.getExpression();
                return receiver.toString().equals(param) ? bodyPath : null;
            }
        }
        return null;
    }
}
