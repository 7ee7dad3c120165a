package dev.vigil.java.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.vigil.java.constants.ConstantResolver;
import dev.vigil.java.constants.ValueSet;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;

/**
 * The Secure and HttpOnly flags of each cookie a unit sends, shared by java/insecure-cookie and
 * java/cookie-without-httponly. A servlet Cookie is followed from its creation (inline, a local, or a
 * project helper that creates or hardens it) to {@code addCookie}, applying the setters called on that
 * object; a Spring {@code ResponseCookie} builder chain is read up to {@code build()}. A flag counts as
 * set only when every value its setter may receive is known to be true; a cookie whose origin is
 * unknown (a parameter, a field, a library call) is not judged.
 */
final class CookieFlags {

    /**
     * The flags of one cookie when it is sent. A cookie with an empty value and max-age 0 deletes the
     * browser's copy: it has nothing to protect ({@link #cleared()}).
     */
    record State(ValueSet secure, ValueSet httpOnly, boolean emptyValue, ValueSet maxAge) {

        static State created(boolean emptyValue) {
            return new State(ValueSet.of(false), ValueSet.of(false), emptyValue, ValueSet.of(-1));
        }

        State with(String setter, ValueSet value) {
            return switch (setter) {
                case "setSecure", "secure" -> new State(value, httpOnly, emptyValue, maxAge);
                case "setHttpOnly", "httpOnly" -> new State(secure, value, emptyValue, maxAge);
                case "setMaxAge", "maxAge" -> new State(secure, httpOnly, emptyValue, value);
                default -> this;
            };
        }

        ValueSet get(String setter) {
            return switch (setter) {
                case "setSecure", "secure" -> secure;
                case "setHttpOnly", "httpOnly" -> httpOnly;
                default -> maxAge;
            };
        }

        boolean cleared() {
            return emptyValue && maxAge.complete() && !maxAge.isUnknown()
                    && maxAge.values().stream().allMatch(v -> v instanceof Number n && n.longValue() == 0);
        }
    }

    private static final Set<String> SETTERS = Set.of("setSecure", "setHttpOnly", "setMaxAge");

    private static final int MAX_DEPTH = 4;

    private CookieFlags() {
    }

    /** Calls {@code sink} with the path of every cookie-sending call of the unit and the cookie's state. */
    static void scan(ParsedUnit unit, CheckContext context, BiConsumer<TreePath, State> sink) {
        new CheckScanner(unit, context) {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                CallTarget t = target();
                if (t.name().equals("addCookie") && t.arity() == 1) {
                    State s = stateOf(constants, argumentPath(0), 0);
                    if (s != null && !s.cleared()) {
                        sink.accept(getCurrentPath(), s);
                    }
                } else if (t.name().equals("build") && t.arity() == 0) {
                    TreePath[] from = {null};
                    State s = springBuilder(constants, getCurrentPath(), from);
                    if (s != null && !s.cleared()) {
                        sink.accept(from[0], s);
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.run();
    }

    private static boolean isCookieType(String type) {
        return type.equals("javax.servlet.http.Cookie") || type.equals("jakarta.servlet.http.Cookie");
    }

    /**
     * The state of a Spring ResponseCookie built by the chain ending at the build() call, or null; the
     * path of the chain's {@code from(...)} call goes to {@code from}.
     */
    private static State springBuilder(ConstantResolver constants, TreePath build, TreePath[] from) {
        List<MethodInvocationTree> setters = new ArrayList<>();
        List<TreePath> setterPaths = new ArrayList<>();
        TreePath cur = build;
        while (cur.getLeaf() instanceof MethodInvocationTree call
                && call.getMethodSelect() instanceof MemberSelectTree ms) {
            String name = ms.getIdentifier().toString();
            TreePath receiver = new TreePath(new TreePath(cur, ms), ms.getExpression());
            if (name.equals("from") || name.equals("fromClientResponse")) {
                if (!constants.typeOf(receiver).endsWith("ResponseCookie")) {
                    return null;
                }
                from[0] = cur;
                State state = State.created(call.getArguments().size() == 2
                        && isEmpty(constants.resolve(new TreePath(cur, call.getArguments().get(1)))));
                // Setters were collected from build() backwards: apply them in call order.
                for (int i = setters.size() - 1; i >= 0; i--) {
                    String setter = ((MemberSelectTree) setters.get(i).getMethodSelect()).getIdentifier().toString();
                    state = state.with(setter, flagArgument(constants, setterPaths.get(i), setters.get(i)));
                }
                return state;
            }
            if (name.equals("secure") || name.equals("httpOnly") || name.equals("maxAge")) {
                setters.add(call);
                setterPaths.add(cur);
            }
            cur = receiver;
        }
        return null;
    }

    private static boolean isEmpty(ValueSet value) {
        return value.complete() && !value.isUnknown()
                && value.values().stream().allMatch(v -> "".equals(v) || v == ValueSet.NULL);
    }

    private static ValueSet flagArgument(ConstantResolver constants, TreePath callPath, MethodInvocationTree call) {
        // secure() without an argument (some builders) means true.
        return call.getArguments().isEmpty() ? ValueSet.of(true)
                : constants.resolve(new TreePath(callPath, call.getArguments().get(0)));
    }

    /** The state of the cookie expression at {@code cookie} when it is used there, or null when unknown. */
    static State stateOf(ConstantResolver constants, TreePath cookie, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        ExpressionTree e = CheckScanner.strip((ExpressionTree) cookie.getLeaf());
        TreePath path = e == cookie.getLeaf() ? cookie : new TreePath(cookie, e);
        ParsedUnit unit = constants.unitOf(path);
        if (unit == null) {
            return null;
        }
        Trees trees = unit.trees();
        return switch (e) {
            case NewClassTree nc -> created(constants, path, nc);
            case MethodInvocationTree call -> fromHelper(constants, path, call, depth);
            case IdentifierTree id -> fromLocal(constants, path, trees, depth);
            default -> null;
        };
    }

    private static State created(ConstantResolver constants, TreePath path, NewClassTree nc) {
        String type = dev.vigil.java.frontend.TypeNames.resolveWritten(nc.getIdentifier().toString(),
                constants.unitOf(path));
        if (nc.getArguments().size() != 2 || !isCookieType(type)) {
            return null;
        }
        return State.created(isEmpty(constants.resolve(new TreePath(path, nc.getArguments().get(1)))));
    }

    /**
     * A project method returning a cookie: either one it creates (judged inside it), or its parameter
     * after setting flags on it (the caller's cookie with those flags applied).
     */
    private static State fromHelper(ConstantResolver constants, TreePath path, MethodInvocationTree call, int depth) {
        ParsedUnit unit = constants.unitOf(path);
        Element e = unit.trees().getElement(path);
        if (!(e instanceof ExecutableElement method)) {
            return null;
        }
        TreePath decl = unit.trees().getPath(method);
        if (decl == null || !(decl.getLeaf() instanceof MethodTree mt) || mt.getBody() == null) {
            return null;
        }
        List<TreePath> returns = dev.vigil.java.frontend.ReturnedExpressions.of(new TreePath(decl, mt.getBody()));
        if (returns.size() != 1) {
            return null;
        }
        TreePath returned = returns.get(0);
        Element r = unit.trees().getElement(returned);
        int parameter = method.getParameters().indexOf(r);
        if (parameter >= 0 && parameter < call.getArguments().size()) {
            State in = stateOf(constants, new TreePath(path, call.getArguments().get(parameter)), depth + 1);
            return in == null ? null : applySetters(constants, decl, r, returned, in, depth + 1);
        }
        return stateOf(constants, returned, depth + 1);
    }

    private static State fromLocal(ConstantResolver constants, TreePath use, Trees trees, int depth) {
        Element var = trees.getElement(use);
        if (var == null || var.getKind() != ElementKind.LOCAL_VARIABLE) {
            return null;
        }
        TreePath method = use;
        while (method != null && !(method.getLeaf() instanceof MethodTree)
                && !(method.getLeaf() instanceof LambdaExpressionTree)) {
            method = method.getParentPath();
        }
        if (method == null) {
            return null;
        }
        TreePath[] decl = {null};
        int[] reassigned = {0};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (var.equals(trees.getElement(getCurrentPath()))) {
                    decl[0] = getCurrentPath();
                }
                return super.visitVariable(v, unused);
            }

            @Override
            public Void visitAssignment(com.sun.source.tree.AssignmentTree a, Void unused) {
                if (var.equals(trees.getElement(new TreePath(getCurrentPath(), a.getVariable())))) {
                    reassigned[0]++;
                }
                return super.visitAssignment(a, unused);
            }
        }.scan(method, null);
        if (decl[0] == null || reassigned[0] > 0 || ((VariableTree) decl[0].getLeaf()).getInitializer() == null) {
            return null;
        }
        State initial = stateOf(constants, new TreePath(decl[0], ((VariableTree) decl[0].getLeaf()).getInitializer()),
                depth + 1);
        return initial == null ? null : applySetters(constants, method, var, use, initial, depth + 1);
    }

    /**
     * Applies, in source order, the flag setters called on {@code var} inside {@code scope} before
     * {@code use} (null: all of them), and those of project helpers the cookie is handed to. A setter
     * under a condition or in a loop that does not also hold the use may not run: its value joins the
     * previous one.
     */
    private static State applySetters(ConstantResolver constants, TreePath scope, Element var, TreePath use,
                                      State initial, int depth) {
        ParsedUnit unit = constants.unitOf(scope);
        long limit = use == null ? Long.MAX_VALUE : unit.startOffset(use.getLeaf());
        Set<Tree> useAncestors = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (TreePath p = use; p != null; p = p.getParentPath()) {
            useAncestors.add(p.getLeaf());
        }
        Trees trees = unit.trees();
        State[] state = {initial};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                super.visitMethodInvocation(call, unused); // inner calls run first
                if (unit.startOffset(call) >= limit) {
                    return null;
                }
                TreePath here = getCurrentPath();
                if (call.getMethodSelect() instanceof MemberSelectTree ms && call.getArguments().size() == 1
                        && SETTERS.contains(ms.getIdentifier().toString())
                        && var.equals(trees.getElement(new TreePath(new TreePath(here, ms), ms.getExpression())))) {
                    String name = ms.getIdentifier().toString();
                    ValueSet v = constants.resolve(new TreePath(here, call.getArguments().get(0)));
                    state[0] = state[0].with(name, conditional(here, scope, useAncestors)
                            ? v.union(state[0].get(name)) : v);
                    return null;
                }
                for (int i = 0; i < call.getArguments().size(); i++) {
                    if (depth < MAX_DEPTH && var.equals(trees.getElement(new TreePath(here, call.getArguments().get(i))))) {
                        State after = throughHelper(constants, here, i, state[0], depth);
                        if (after != null) {
                            state[0] = conditional(here, scope, useAncestors) ? join(state[0], after) : after;
                        }
                    }
                }
                return null;
            }
        }.scan(scope, null);
        return state[0];
    }

    /** The cookie's state after a project method it is passed to (as argument {@code index}) returns. */
    private static State throughHelper(ConstantResolver constants, TreePath callPath, int index, State in, int depth) {
        ParsedUnit unit = constants.unitOf(callPath);
        if (!(unit.trees().getElement(callPath) instanceof ExecutableElement method)
                || index >= method.getParameters().size()) {
            return null;
        }
        TreePath decl = unit.trees().getPath(method);
        if (decl == null || !(decl.getLeaf() instanceof MethodTree mt) || mt.getBody() == null) {
            return null;
        }
        return applySetters(constants, decl, method.getParameters().get(index), null, in, depth + 1);
    }

    private static State join(State a, State b) {
        return new State(a.secure().union(b.secure()), a.httpOnly().union(b.httpOnly()), a.emptyValue(),
                a.maxAge().union(b.maxAge()));
    }

    /**
     * Whether the statement at {@code p} may be skipped (a branch, loop or catch) when the use runs: a
     * branch between it and the innermost statement that also holds the use (or the scope).
     */
    private static boolean conditional(TreePath p, TreePath scope, Set<Tree> useAncestors) {
        for (TreePath q = p.getParentPath(); q != null && q.getLeaf() != scope.getLeaf()
                && !useAncestors.contains(q.getLeaf()); q = q.getParentPath()) {
            switch (q.getLeaf().getKind()) {
                case IF, CONDITIONAL_EXPRESSION, WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP, SWITCH,
                        CATCH, LAMBDA_EXPRESSION, CONDITIONAL_AND, CONDITIONAL_OR -> {
                    return true;
                }
                default -> {
                    // keeps walking up
                }
            }
        }
        return false;
    }
}
