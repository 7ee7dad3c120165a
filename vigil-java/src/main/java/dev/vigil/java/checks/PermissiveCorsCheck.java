package dev.vigil.java.checks;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.constants.ValueSet;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * java/permissive-cors: a wildcard origin ("*" as origin or origin pattern) allowed together with
 * credentials, in the same {@code @CrossOrigin} annotation, {@code CorsRegistry} registration chain or
 * {@code CorsConfiguration} object. A wildcard without credentials (a public read-only API), specific
 * origins and scoped patterns ({@code https://*.example.com}) are fine. Reported on the line naming
 * the wildcard.
 */
public final class PermissiveCorsCheck implements JavaCheck {

    static final String RULE = "java/permissive-cors";

    private static final Set<String> REGISTRY_ORIGINS = Set.of("allowedOrigins", "allowedOriginPatterns");
    private static final Set<String> CONFIG_ORIGINS = Set.of("addAllowedOrigin", "addAllowedOriginPattern",
            "setAllowedOrigins", "setAllowedOriginPatterns");

    private static final String MESSAGE = "Any origin may make credentialed requests: every website can read"
            + " this API's responses with the user's cookies; list the trusted origins";

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        new CheckScanner(unit, context) {
            @Override
            public Void visitAnnotation(AnnotationTree a, Void unused) {
                String type = a.getAnnotationType().toString();
                if (type.equals("CrossOrigin") || type.endsWith(".CrossOrigin")) {
                    boolean wildcard = false;
                    boolean credentials = false;
                    for (ExpressionTree arg : a.getArguments()) {
                        String name = "value";
                        ExpressionTree value = arg;
                        if (arg instanceof AssignmentTree as) {
                            name = as.getVariable().toString();
                            value = as.getExpression();
                        }
                        TreePath valuePath = new TreePath(pathOf(arg), value);
                        if (arg == value) {
                            valuePath = pathOf(arg);
                        }
                        if (name.equals("value") || name.equals("origins") || name.equals("originPatterns")) {
                            wildcard |= wildcard(this, valuePath);
                        } else if (name.equals("allowCredentials")) {
                            credentials |= isTrue(constants.resolve(valuePath));
                        }
                    }
                    if (wildcard && credentials) {
                        report(RULE, getCurrentPath(), MESSAGE);
                    }
                }
                return super.visitAnnotation(a, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms) {
                    String name = ms.getIdentifier().toString();
                    if (REGISTRY_ORIGINS.contains(name) && anyWildcard(this, call)
                            && chainAllowsCredentials(this, getCurrentPath())) {
                        report(RULE, getCurrentPath(), MESSAGE);
                    } else if (CONFIG_ORIGINS.contains(name) && anyWildcard(this, call)
                            && objectAllowsCredentials(this, receiverPath())) {
                        report(RULE, getCurrentPath(), MESSAGE);
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.run();
    }

    private static boolean anyWildcard(CheckScanner s, MethodInvocationTree call) {
        for (ExpressionTree a : call.getArguments()) {
            if (wildcard(s, s.pathOf(a))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the origin expression (a string, an array, or List.of/Arrays.asList of strings) holds "*". */
    private static boolean wildcard(CheckScanner s, TreePath origin) {
        ExpressionTree e = CheckScanner.strip((ExpressionTree) origin.getLeaf());
        List<TreePath> items = new ArrayList<>();
        if (e instanceof NewArrayTree na && na.getInitializers() != null) {
            na.getInitializers().forEach(i -> items.add(new TreePath(origin, i)));
        } else if (e instanceof MethodInvocationTree list && list.getMethodSelect() instanceof MemberSelectTree ms
                && Set.of("of", "asList", "singletonList", "singleton").contains(ms.getIdentifier().toString())) {
            list.getArguments().forEach(i -> items.add(new TreePath(origin, i)));
        } else {
            items.add(origin);
        }
        for (TreePath item : items) {
            if (s.constants.resolve(item).strings().contains("*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTrue(ValueSet v) {
        return v.values().stream().anyMatch(x -> Boolean.TRUE.equals(x) || "true".equals(x));
    }

    /** allowCredentials(true) anywhere in the registration chain the origin call belongs to. */
    private static boolean chainAllowsCredentials(CheckScanner s, TreePath originCall) {
        // Later calls of the chain are ancestors (the origin call is their receiver) ...
        TreePath top = originCall;
        while (top.getParentPath() != null && top.getParentPath().getLeaf() instanceof MemberSelectTree
                && top.getParentPath().getParentPath() != null
                && top.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree) {
            top = top.getParentPath().getParentPath();
        }
        // ... and walking down from the last call visits every call of the chain.
        for (TreePath cur = top; cur.getLeaf() instanceof MethodInvocationTree call
                && call.getMethodSelect() instanceof MemberSelectTree ms;
                cur = new TreePath(new TreePath(cur, ms), ms.getExpression())) {
            if (ms.getIdentifier().contentEquals("allowCredentials") && call.getArguments().size() == 1
                    && isTrue(s.constants.resolve(new TreePath(cur, call.getArguments().get(0))))) {
                return true;
            }
        }
        return false;
    }

    /** setAllowCredentials(true) on the same CorsConfiguration object within the method. */
    private static boolean objectAllowsCredentials(CheckScanner s, TreePath receiver) {
        if (receiver == null) {
            return false;
        }
        Element config = s.unit.trees().getElement(receiver);
        TreePath method = receiver;
        while (method != null && !(method.getLeaf() instanceof MethodTree)) {
            method = method.getParentPath();
        }
        if (config == null || method == null) {
            return false;
        }
        boolean[] found = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms
                        && ms.getIdentifier().contentEquals("setAllowCredentials") && call.getArguments().size() == 1
                        && config.equals(s.unit.trees().getElement(
                                new TreePath(new TreePath(getCurrentPath(), ms), ms.getExpression())))
                        && isTrue(s.constants.resolve(new TreePath(getCurrentPath(), call.getArguments().get(0))))) {
                    found[0] = true;
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(method, null);
        return found[0];
    }
}
