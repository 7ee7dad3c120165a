package dev.vigil.java.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
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
import java.util.HashSet;
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

    /** The flags of one cookie when it is sent; {@code cleared} for an empty-valued (deleting) cookie. */
    record State(ValueSet secure, ValueSet httpOnly, boolean cleared) {
        static final State NEW = new State(ValueSet.of(false), ValueSet.of(false), false);

        State with(String setter, ValueSet value) {
            return switch (setter) {
                case "setSecure" -> new State(value, httpOnly, cleared);
                case "setHttpOnly" -> new State(secure, value, cleared);
                default -> this;
            };
        }
    }

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
                    State s = springBuilder(constants, getCurrentPath());
                    if (s != null) {
                        sink.accept(getCurrentPath(), s);
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.run();
    }

    private static boolean isCookieType(String type) {
        return type.equals("javax.servlet.http.Cookie") || type.equals("jakarta.servlet.http.Cookie");
    }

    /** The state of a Spring ResponseCookie built by the chain ending at the build() call, or null. */
    private static State springBuilder(ConstantResolver constants, TreePath build) {
        ValueSet secure = null;
        ValueSet httpOnly = null;
        TreePath cur = build;
        while (cur.getLeaf() instanceof MethodInvocationTree call
                && call.getMethodSelect() instanceof MemberSelectTree ms) {
            String name = ms.getIdentifier().toString();
            TreePath receiver = new TreePath(new TreePath(cur, ms), ms.getExpression());
            if (name.equals("from") || name.equals("fromClientResponse")) {
                if (!constants.typeOf(receiver).endsWith("ResponseCookie")) {
                    return null;
                }
                ValueSet value = call.getArguments().size() == 2
                        ? constants.resolve(new TreePath(cur, call.getArguments().get(1))) : ValueSet.unknown();
                boolean cleared = value.complete() && !value.isUnknown()
                        && value.values().stream().allMatch(v -> "".equals(v) || v == ValueSet.NULL);
                return new State(secure == null ? ValueSet.of(false) : secure,
                        httpOnly == null ? ValueSet.of(false) : httpOnly, cleared);
            }
            // Walking from build() towards from(): the first setter met is the last one called.
            if (name.equals("secure") && secure == null) {
                secure = flagArgument(constants, cur, call);
            } else if (name.equals("httpOnly") && httpOnly == null) {
                httpOnly = flagArgument(constants, cur, call);
            }
            cur = receiver;
        }
        return null;
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
        ValueSet value = constants.resolve(new TreePath(path, nc.getArguments().get(1)));
        boolean cleared = value.complete() && !value.isUnknown()
                && value.values().stream().allMatch(v -> "".equals(v) || v == ValueSet.NULL);
        return new State(ValueSet.of(false), ValueSet.of(false), cleared);
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
        }.scan(new TreePath(decl, mt.getBody()), null);
        if (returns.size() != 1) {
            return null;
        }
        TreePath returned = returns.get(0);
        Element r = unit.trees().getElement(returned);
        int parameter = method.getParameters().indexOf(r);
        if (parameter >= 0 && parameter < call.getArguments().size()) {
            State in = stateOf(constants, new TreePath(path, call.getArguments().get(parameter)), depth + 1);
            return in == null ? null : applySetters(constants, decl, r, returned, in);
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
        return initial == null ? null : applySetters(constants, method, var, use, initial);
    }

    /**
     * Applies, in source order, the flag setters called on {@code var} inside {@code scope} before
     * {@code use}, and project helpers that set flags on it. A setter under a condition or in a loop
     * may not run: its value joins the previous one.
     */
    private static State applySetters(ConstantResolver constants, TreePath scope, Element var, TreePath use,
                                      State initial) {
        ParsedUnit unit = constants.unitOf(scope);
        Trees trees = unit.trees();
        long useStart = trees.getSourcePositions().getStartPosition(use.getCompilationUnit(), use.getLeaf());
        State[] state = {initial};
        Set<Tree> seen = new HashSet<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                long start = trees.getSourcePositions().getStartPosition(use.getCompilationUnit(), call);
                if (start < useStart && seen.add(call) && call.getMethodSelect() instanceof MemberSelectTree ms
                        && call.getArguments().size() == 1
                        && var.equals(trees.getElement(new TreePath(new TreePath(getCurrentPath(), ms),
                        ms.getExpression())))) {
                    String name = ms.getIdentifier().toString();
                    if (name.equals("setSecure") || name.equals("setHttpOnly")) {
                        ValueSet v = constants.resolve(new TreePath(getCurrentPath(), call.getArguments().get(0)));
                        state[0] = conditional(getCurrentPath(), scope)
                                ? state[0].with(name, v.union(current(state[0], name))) : state[0].with(name, v);
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(scope, null);
        return state[0];
    }

    private static ValueSet current(State s, String setter) {
        return setter.equals("setSecure") ? s.secure() : s.httpOnly();
    }

    /** Whether the statement at {@code p} may be skipped (a branch, loop or catch) within {@code scope}. */
    private static boolean conditional(TreePath p, TreePath scope) {
        for (TreePath q = p.getParentPath(); q != null && q.getLeaf() != scope.getLeaf(); q = q.getParentPath()) {
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
