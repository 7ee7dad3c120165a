package dev.vigil.java.taint;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.vigil.core.models.ModelRow;
import dev.vigil.java.frontend.CallTarget;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * Refines values on the branches of a condition: a value checked against an allow-list, matched
 * against a restrictive regular expression, compared with a constant, or canonicalized and checked
 * against a base directory is safe where the check passed.
 */
final class Guards {

    static final String PATH_RULE = "java/path-traversal";
    static final String REDIRECT_RULE = "java/open-redirect";
    /** Prefixes a browser reads as another host after the leading slash: "//evil.example", "/\\evil.example". */
    private static final Set<String> HOST_PREFIXES = Set.of("//", "/\\");
    private static final Set<String> ALL = Set.of("all");
    private static final Set<String> CANONICALIZING =
            Set.of("getCanonicalPath", "getCanonicalFile", "normalize", "toRealPath");

    private Guards() {
    }

    static void refine(MethodAnalyzer a, TreePath cond, Env then, Env otherwise) {
        Tree t = strip(cond.getLeaf());
        TreePath p = t == cond.getLeaf() ? cond : new TreePath(cond, t);
        if (t instanceof MethodInvocationTree call) {
            call(a, p, call, then, otherwise);
        } else if (t instanceof BinaryTree b && (b.getKind() == Tree.Kind.EQUAL_TO || b.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
            TreePath l = new TreePath(p, b.getLeftOperand());
            TreePath r = new TreePath(p, b.getRightOperand());
            Env eq = b.getKind() == Tree.Kind.EQUAL_TO ? then : otherwise;
            Value lv = a.peek(l, then);
            Value rv = a.peek(r, then);
            Env ne = b.getKind() == Tree.Kind.EQUAL_TO ? otherwise : then;
            if (rv.isConstant() && rv.constant() != Value.NULL && !lv.isConstant()) {
                setConstant(a, l, eq, rv.constant());
                if (rv.constant() instanceof Character ch) {
                    excludeChars(a, l, Set.of(ch), ne);
                }
            } else if (lv.isConstant() && lv.constant() != Value.NULL && !rv.isConstant()) {
                setConstant(a, r, eq, lv.constant());
                if (lv.constant() instanceof Character ch) {
                    excludeChars(a, r, Set.of(ch), ne);
                }
            } else if (rv.constant() == Value.NULL && !lv.isConstant()) {
                // Where x == null holds, x carries no data: `if (x != null && !x.matches(re)) throw` leaves x
                // either null or matching.
                setConstant(a, l, eq, Value.NULL);
            } else if (lv.constant() == Value.NULL && !rv.isConstant()) {
                setConstant(a, r, eq, Value.NULL);
            }
        }
    }

    private static Tree strip(Tree t) {
        while (t instanceof ParenthesizedTree p) {
            t = p.getExpression();
        }
        return t;
    }

    private static void call(MethodAnalyzer a, TreePath p, MethodInvocationTree call, Env then, Env otherwise) {
        CallTarget target = CallTarget.of(a.unit(), p);
        String name = target.name();
        List<? extends ExpressionTree> args = call.getArguments();
        TreePath receiver = call.getMethodSelect() instanceof MemberSelectTree ms
                ? new TreePath(new TreePath(p, ms), ms.getExpression()) : null;
        boolean receiverIsString = "java.lang.String".equals(target.receiverType())
                || "java.lang.String".equals(target.declaringType());
        switch (name) {
            case "contains", "containsKey", "containsValue" -> {
                if (args.size() != 1 || receiver == null) {
                    return;
                }
                TreePath arg = new TreePath(p, args.get(0));
                if (receiverIsString) {
                    Value needle = a.peek(arg, then);
                    if (needle.constant() instanceof String s && s.contains("..")) {
                        sanitize(a, receiver, otherwise, Set.of(PATH_RULE));
                    }
                    return;
                }
                Value collection = a.peek(receiver, then);
                if (!collection.isTainted() && collection.elementTaint().isEmpty()) {
                    sanitize(a, arg, then, ALL);
                    // ALLOWED_HOSTS.contains(uri.getHost()): the URL the host came from is allow-listed.
                    hostOf(a, arg, then);
                }
            }
            case "equals", "equalsIgnoreCase", "contentEquals" -> {
                if (args.size() != 1 || receiver == null) {
                    return;
                }
                TreePath arg = new TreePath(p, args.get(0));
                Value rv = a.peek(receiver, then);
                Value av = a.peek(arg, then);
                if (rv.isConstant() && !av.isConstant()) {
                    if (name.equals("equals")) {
                        setConstant(a, arg, then, rv.constant());
                    } else {
                        sanitize(a, arg, then, ALL);
                    }
                    hostOf(a, arg, then);
                } else if (av.isConstant() && av.constant() != Value.NULL && !rv.isConstant()) {
                    if (name.equals("equals")) {
                        setConstant(a, receiver, then, av.constant());
                    } else {
                        sanitize(a, receiver, then, ALL);
                    }
                    hostOf(a, receiver, then);
                }
            }
            case "matches" -> {
                if (args.size() == 1 && receiver != null && receiverIsString) {
                    Value regex = a.peek(new TreePath(p, args.get(0)), then);
                    if (regex.constant() instanceof String r) {
                        sanitize(a, receiver, then, Regexes.safeFor(r));
                    }
                } else if (args.size() == 2 && "java.util.regex.Pattern".equals(target.declaringType())) {
                    Value regex = a.peek(new TreePath(p, args.get(0)), then);
                    if (regex.constant() instanceof String r) {
                        sanitize(a, new TreePath(p, args.get(1)), then, Regexes.safeFor(r));
                    }
                } else if (args.isEmpty() && receiver != null
                        && receiver.getLeaf() instanceof MethodInvocationTree inner
                        && inner.getMethodSelect() instanceof MemberSelectTree ims
                        && ims.getIdentifier().contentEquals("matcher") && inner.getArguments().size() == 1) {
                    TreePath patternPath = new TreePath(new TreePath(receiver, ims), ims.getExpression());
                    Value pattern = a.peek(patternPath, then);
                    for (String tag : pattern.tags()) {
                        if (tag.startsWith("regex:")) {
                            sanitize(a, new TreePath(receiver, inner.getArguments().get(0)), then,
                                    Regexes.safeFor(tag.substring(6)));
                        }
                    }
                }
            }
            case "startsWith" -> {
                if (receiver == null || args.size() != 1) {
                    return;
                }
                if (receiverIsString && "/".equals(a.peek(new TreePath(p, args.get(0)), then).constant())
                        && relativePathGuard(p, receiver.getLeaf())) {
                    sanitize(a, receiver, then, Set.of(REDIRECT_RULE));
                }
                TreePath root = canonicalRoot(receiver);
                if (root != null) {
                    sanitize(a, root, then, Set.of(PATH_RULE));
                    sanitize(a, receiver, then, Set.of(PATH_RULE));
                    return;
                }
                TreePath variable = rootVariable(receiver);
                if (variable != null && a.peek(variable, then).tags().contains("canonical")) {
                    sanitize(a, variable, then, Set.of(PATH_RULE));
                }
                Value rv = a.peek(receiver, then);
                if (rv.tags().contains("canonical")) {
                    sanitize(a, receiver, then, Set.of(PATH_RULE));
                    for (String tag : rv.tags()) {
                        if (tag.startsWith("canon-of:")) {
                            Element origin = a.canonicalOrigin(tag);
                            if (origin != null) {
                                sanitizeElement(then, origin, Set.of(PATH_RULE));
                            }
                        }
                    }
                }
            }
            default -> {
                validator(a, p, target, receiver, args, then);
                ProjectValidators.refine(a, p, call, then, otherwise);
            }
        }
    }

    /**
     * Whether {@code x.startsWith("/")} at {@code atom} is a conjunct of a condition that also requires
     * {@code !x.startsWith("//")} and {@code !x.startsWith("/\\")}: where all hold, x is a path on this site.
     * Only the conjunction proves it, so a lone startsWith("/") check sanitizes nothing; the other conjuncts'
     * failing branches join with this one's, so the value stays tainted wherever the check failed.
     */
    private static boolean relativePathGuard(TreePath atom, Tree receiver) {
        if (!(strip(receiver) instanceof IdentifierTree || strip(receiver) instanceof MemberSelectTree)) {
            return false;
        }
        TreePath top = atom;
        while (top.getParentPath() != null && top.getParentPath().getLeaf() instanceof ParenthesizedTree) {
            top = top.getParentPath();
        }
        Set<String> excluded = new java.util.HashSet<>();
        if (top.getParentPath() != null && top.getParentPath().getLeaf().getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
            // The negated form: if (!x.startsWith("/") || x.startsWith("//") || x.startsWith("/\\")) reject;
            // where the whole condition is false, x starts with "/" and with none of the other prefixes.
            top = top.getParentPath();
            while (top.getParentPath() != null && (top.getParentPath().getLeaf() instanceof ParenthesizedTree
                    || top.getParentPath().getLeaf().getKind() == Tree.Kind.CONDITIONAL_OR)) {
                top = top.getParentPath();
            }
            collectRejectedPrefixes(top.getLeaf(), strip(receiver).toString(), excluded);
            return excluded.containsAll(HOST_PREFIXES);
        }
        while (top.getParentPath() != null && (top.getParentPath().getLeaf() instanceof ParenthesizedTree
                || top.getParentPath().getLeaf().getKind() == Tree.Kind.CONDITIONAL_AND)) {
            top = top.getParentPath();
        }
        collectExcludedPrefixes(top.getLeaf(), strip(receiver).toString(), excluded);
        return excluded.containsAll(HOST_PREFIXES);
    }

    /** The prefixes p of the disjuncts {@code x.startsWith(p)} of an || condition. */
    private static void collectRejectedPrefixes(Tree t, String receiver, Set<String> out) {
        t = strip(t);
        if (t instanceof BinaryTree b && b.getKind() == Tree.Kind.CONDITIONAL_OR) {
            collectRejectedPrefixes(b.getLeftOperand(), receiver, out);
            collectRejectedPrefixes(b.getRightOperand(), receiver, out);
        } else if (t instanceof MethodInvocationTree mi
                && mi.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("startsWith")
                && mi.getArguments().size() == 1 && strip(ms.getExpression()).toString().equals(receiver)
                && mi.getArguments().get(0) instanceof com.sun.source.tree.LiteralTree lit
                && lit.getValue() instanceof String prefix) {
            out.add(prefix);
        }
    }

    private static void collectExcludedPrefixes(Tree t, String receiver, Set<String> out) {
        t = strip(t);
        if (t instanceof BinaryTree b && b.getKind() == Tree.Kind.CONDITIONAL_AND) {
            collectExcludedPrefixes(b.getLeftOperand(), receiver, out);
            collectExcludedPrefixes(b.getRightOperand(), receiver, out);
        } else if (t instanceof com.sun.source.tree.UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
                && strip(u.getExpression()) instanceof MethodInvocationTree mi
                && mi.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("startsWith")
                && mi.getArguments().size() == 1 && strip(ms.getExpression()).toString().equals(receiver)
                && mi.getArguments().get(0) instanceof com.sun.source.tree.LiteralTree lit
                && lit.getValue() instanceof String prefix) {
            out.add(prefix);
        }
    }

    /**
     * Where {@code uri.getHost()} (or the authority) was found to be a known value — in an allow-list, or
     * equal to a constant — the URL it came from points to that host: it is no SSRF or open redirect.
     */
    private static void hostOf(MethodAnalyzer a, TreePath checked, Env then) {
        Tree t = strip(checked.getLeaf());
        if (t instanceof MethodInvocationTree hostCall && hostCall.getArguments().isEmpty()
                && hostCall.getMethodSelect() instanceof MemberSelectTree hs
                && Set.of("getHost", "getAuthority", "host", "getDomain").contains(hs.getIdentifier().toString())) {
            TreePath root = rootVariable(t == checked.getLeaf() ? checked : new TreePath(checked, t));
            if (root != null) {
                sanitize(a, root, then, Set.of("java/ssrf", "java/open-redirect"));
            }
        }
    }

    /** A boolean sanitizer row used as a condition validates its argument where it returned true. */
    private static void validator(MethodAnalyzer a, TreePath p, CallTarget target, TreePath receiver,
                                  List<? extends ExpressionTree> args, Env then) {
        Set<String> types = a.candidateTypes(target, receiver == null ? null : a.peek(receiver, then));
        for (ModelRow.Sanitizer row : a.engine().rowsFor(ModelRow.Sanitizer.class, target.name(), target.arity(), types)) {
            TreePath checked = args.isEmpty() ? receiver : new TreePath(p, args.get(0));
            if (checked != null) {
                sanitize(a, checked, then, row.rules());
            }
        }
    }

    /** For {@code f.getCanonicalPath()} or {@code p.normalize()} chains, the variable they start from. */
    private static TreePath canonicalRoot(TreePath expr) {
        boolean canonical = false;
        TreePath p = expr;
        while (p.getLeaf() instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms) {
            if (CANONICALIZING.contains(ms.getIdentifier().toString())) {
                canonical = true;
            }
            p = new TreePath(new TreePath(p, ms), ms.getExpression());
        }
        return canonical && (p.getLeaf() instanceof IdentifierTree || p.getLeaf() instanceof MemberSelectTree) ? p : null;
    }

    /** The variable a call chain starts from ({@code file} in {@code file.getPath()}), or null. */
    private static TreePath rootVariable(TreePath expr) {
        TreePath p = expr;
        while (p.getLeaf() instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms) {
            p = new TreePath(new TreePath(p, ms), ms.getExpression());
        }
        return p.getLeaf() instanceof IdentifierTree ? p : null;
    }

    private static void sanitize(MethodAnalyzer a, TreePath target, Env env, Set<String> rules) {
        if (env.isDead() || rules.isEmpty()) {
            return;
        }
        Tree t = strip(target.getLeaf());
        if (!(t instanceof IdentifierTree || t instanceof MemberSelectTree)) {
            return;
        }
        TreePath tp = t == target.getLeaf() ? target : new TreePath(target, t);
        Element e = a.unit().trees().getElement(tp);
        if (e instanceof VariableElement ve && !ve.getKind().isField()) {
            sanitizeElement(env, ve, rules);
        } else if (e instanceof VariableElement field && field.getKind().isField()
                && !field.getModifiers().contains(Modifier.STATIC)) {
            Value self = env.get(Env.THIS);
            if (self != null) {
                Value v = MethodAnalyzer.fieldOf(self, field.getSimpleName().toString());
                env.put(Env.THIS, self.withField(field.getSimpleName().toString(), v.withTaint(v.taint().sanitize(rules))));
            }
        }
    }

    private static void sanitizeElement(Env env, Element e, Set<String> rules) {
        Value v = env.get(e);
        if (v != null) {
            env.put(e, v.withTaint(v.taint().sanitize(rules)));
        }
    }

    /**
     * In the body of a switch case reached only by matching its labels (no fall-through into it), the
     * selector variable equals one of the label constants: that constant when there is one label, else a
     * value that is clean for every rule.
     */
    static void caseLabels(MethodAnalyzer a, TreePath selector, List<Object> labels, Env env) {
        if (labels.isEmpty() || env.isDead()) {
            return;
        }
        if (labels.size() == 1) {
            setConstant(a, selector, env, labels.get(0));
        } else {
            sanitize(a, selector, env, ALL);
        }
    }

    /** Where a char variable is known to be none of {@code excluded} (see {@link CharEscapes#excluding}). */
    static void excludeChars(MethodAnalyzer a, TreePath target, Set<Character> excluded, Env env) {
        if (env.isDead()) {
            return;
        }
        Tree t = strip(target.getLeaf());
        if (t instanceof IdentifierTree) {
            Element e = a.unit().trees().getElement(target.getLeaf() == t ? target : new TreePath(target, t));
            if (e instanceof VariableElement ve && !ve.getKind().isField()
                    && ve.asType().getKind() == javax.lang.model.type.TypeKind.CHAR) {
                Value v = env.get(ve);
                if (v != null && v.isTainted()) {
                    env.put(ve, v.withTaint(CharEscapes.excluding(v.taint(), excluded)));
                }
            }
        }
    }

    private static void setConstant(MethodAnalyzer a, TreePath target, Env env, Object constant) {
        if (env.isDead()) {
            return;
        }
        Tree t = strip(target.getLeaf());
        if (t instanceof IdentifierTree) {
            Element e = a.unit().trees().getElement(target);
            if (e instanceof VariableElement ve && !ve.getKind().isField()) {
                env.put(ve, Value.constant(constant));
            }
        }
    }
}
