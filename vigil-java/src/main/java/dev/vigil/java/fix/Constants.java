package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * Compile-time string values of expressions, as javac folds them: literals, constant variables and
 * concatenations of those. Fixes keep such text as it is (SQL text around placeholders, HTML markup).
 */
final class Constants {

    private Constants() {
    }

    static Optional<String> string(ParsedUnit unit, ExpressionTree e) {
        Object v = value(unit, e);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    static Object value(ParsedUnit unit, ExpressionTree e) {
        if (e instanceof ParenthesizedTree p) {
            return value(unit, p.getExpression());
        }
        if (e instanceof LiteralTree l) {
            return l.getValue();
        }
        if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            Object l = value(unit, b.getLeftOperand());
            Object r = value(unit, b.getRightOperand());
            if (l != null && r != null && (l instanceof String || r instanceof String)) {
                return String.valueOf(l) + r;
            }
            return null;
        }
        if (e instanceof ConditionalExpressionTree) {
            return null;
        }
        TreePath path = unit.path(e);
        if (path == null) {
            return null;
        }
        Element el = unit.trees().getElement(path);
        if (el instanceof VariableElement v) {
            return v.getConstantValue();
        }
        return null;
    }

    /**
     * The edits that change a weak name (an algorithm or transformation) to {@code strong} where it is
     * written, or the reason it cannot be changed here. The name is followed from the call argument to
     * its definition: a literal; a private constant or private no-argument helper of this class whose
     * every use is such a call argument ({@code sinkArgument}) is changed at its definition; a local
     * assigned once and read only by the call at its initializer; the default of
     * {@code getProperty(key, default)}; both arms of a conditional. A name shared with other code (a
     * constant of another class, a helper with other callers, a concatenation) is replaced at the call
     * only, so the other users keep their value.
     */
    static Rewrite rewriteName(FixSite site, TreePath arg, Predicate<String> weak, String strong,
                               Predicate<TreePath> sinkArgument) {
        NameRewriter rewriter = new NameRewriter(site, weak, strong, sinkArgument);
        rewriter.walk(arg, 0);
        // One definition reached twice (both arms name the same constant) is edited once.
        if (rewriter.refusal != null) {
            return new Rewrite(List.of(), rewriter.refusal, null);
        }
        if (rewriter.setting != null) {
            return rewriter.edits.isEmpty() ? new Rewrite(List.of(rewriter.setting.edit()), null, rewriter.setting.file())
                    : new Rewrite(List.of(), "the weak name comes from a setting on one path and from code on another;"
                    + " change both by hand", null);
        }
        return new Rewrite(rewriter.edits.stream().distinct().toList(), null, null);
    }

    /**
     * The edits, or why the name cannot be changed (then there are no edits). {@code file} is null when the
     * edits are in the finding's Java file, else the {@code .properties} file whose setting they change.
     */
    record Rewrite(List<Edit> edits, String refusal, String file) {
        boolean refused() {
            return refusal != null || edits.isEmpty();
        }

        String reason() {
            return refusal != null ? refusal : "no weak name was found where the value is written";
        }
    }

    private static final class NameRewriter {
        private final FixSite site;
        private final Predicate<String> weak;
        private final String strong;
        private final Predicate<TreePath> sinkArgument;
        private final List<Edit> edits = new ArrayList<>();
        private String refusal;
        private Settings.FileEdit setting;

        NameRewriter(FixSite site, Predicate<String> weak, String strong, Predicate<TreePath> sinkArgument) {
            this.site = site;
            this.weak = weak;
            this.strong = strong;
            this.sinkArgument = sinkArgument;
        }

        private void refuse(String reason) {
            if (refusal == null) {
                refusal = reason;
            }
        }

        /** The weak value of a setting is changed in the one {@code .properties} file that sets it. */
        private void changeSetting(String key) {
            Object change = Settings.change(site.settings(), key, weak, strong);
            if (change instanceof Settings.FileEdit edit && (setting == null || setting.equals(edit))) {
                setting = edit;
            } else {
                refuse(change instanceof String reason ? reason : "the name comes from two different settings");
            }
        }

        /** {@code key} of {@code @Value("${key:default}")}, or null for another form. */
        private static String placeholderKey(String annotation) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^:}]+)(:[^}]*)?}").matcher(annotation);
            return m.find() ? m.group(1).strip() : null;
        }

        private void replace(ExpressionTree e) {
            edits.add(Edit.replace(site.start(e), site.end(e), literal()));
        }

        private String literal() {
            return FixSite.literal(strong);
        }

        private void walk(TreePath path, int depth) {
            if (refusal != null) {
                return;
            }
            if (depth > 8) {
                refuse("the name is defined through too many steps to follow");
                return;
            }
            ExpressionTree e = (ExpressionTree) path.getLeaf();
            ParsedUnit unit = site.unit();
            if (e instanceof ParenthesizedTree p) {
                walk(new TreePath(path, p.getExpression()), depth);
                return;
            }
            if (e instanceof ConditionalExpressionTree c) {
                Optional<String> t = string(unit, c.getTrueExpression());
                Optional<String> f = string(unit, c.getFalseExpression());
                if (t.isPresent() && f.isPresent() && settled(t.get()) && settled(f.get())) {
                    replace(e); // both arms end up the same: the condition no longer matters
                    return;
                }
                walk(new TreePath(path, c.getTrueExpression()), depth + 1);
                walk(new TreePath(path, c.getFalseExpression()), depth + 1);
                return;
            }
            Optional<String> folded = string(unit, e);
            Element el = unit.trees().getElement(path);
            if (e instanceof LiteralTree) {
                if (folded.isPresent() && weak.test(folded.get())) {
                    replace(e);
                }
                return;
            }
            if (folded.isPresent()) {
                if (!weak.test(folded.get())) {
                    return;
                }
                Tree decl = el == null ? null : unit.trees().getTree(el);
                if (el != null && el.getKind() == ElementKind.FIELD && el.getModifiers().contains(Modifier.PRIVATE)
                        && decl instanceof VariableTree v && v.getInitializer() != null && site.path(v) != null
                        && references(el).stream().allMatch(sinkArgument)) {
                    walk(new TreePath(site.path(v), v.getInitializer()), depth + 1);
                } else {
                    replace(e); // shared with other code, or a concatenation: changed at this call only
                }
                return;
            }
            if (el != null && el.getKind() == ElementKind.LOCAL_VARIABLE) {
                TreePath method = site.enclosingMethod(path).orElse(null);
                VariableTree v = method == null ? null : Locals.declaration(site, method.getLeaf(), el);
                if (v == null || v.getInitializer() == null || Locals.assigned(site, method.getLeaf(), el)) {
                    refuse("the local " + el.getSimpleName() + " is assigned more than once");
                } else if (references(el).size() != 1) {
                    refuse("the local " + el.getSimpleName() + " is also used by other code in the method");
                } else {
                    walk(new TreePath(site.path(v), v.getInitializer()), depth + 1);
                }
                return;
            }
            if (el != null && el.getKind() == ElementKind.FIELD) {
                Tree decl = unit.trees().getTree(el);
                String injected = decl instanceof VariableTree v ? v.getModifiers().getAnnotations().stream()
                        .filter(a -> a.getAnnotationType().toString().endsWith("Value")).map(site::source)
                        .findFirst().orElse(null) : null;
                String key = injected == null ? null : placeholderKey(injected);
                if (key != null) {
                    changeSetting(key);
                } else if (injected != null) {
                    refuse("the name is injected from configuration (" + injected
                            + "): change the configured value, not the code");
                } else {
                    refuse("the name is held in the field " + el.getSimpleName() + ", which other code can change");
                }
                return;
            }
            if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
                    && ms.getIdentifier().contentEquals("getProperty")) {
                if (call.getArguments().size() == 2) {
                    int before = edits.size();
                    walk(new TreePath(path, call.getArguments().get(1)), depth + 1);
                    if (edits.size() > before || refusal != null) {
                        return;
                    }
                }
                Optional<String> key = string(unit, call.getArguments().get(0));
                if (key.isPresent()) {
                    changeSetting(key.get());
                } else {
                    refuse("the weak name is the configured value of " + site.source(call.getArguments().get(0))
                            + " (a properties file): change the setting, not the code");
                }
                return;
            }
            if (e instanceof MethodInvocationTree call && el instanceof ExecutableElement m
                    && unit.trees().getTree(m) instanceof MethodTree helper && helper.getBody() != null
                    && site.path(helper) != null) {
                if (helper.getParameters().isEmpty() && m.getModifiers().contains(Modifier.PRIVATE)
                        && references(m).stream().allMatch(sinkArgument)) {
                    for (TreePath ret : returns(helper)) {
                        walk(new TreePath(ret, ((ReturnTree) ret.getLeaf()).getExpression()), depth + 1);
                    }
                } else if (computesFromArguments(helper)) {
                    replace(call); // other callers keep the helper as it is
                } else {
                    refuse("the name comes from " + helper.getName() + "(…), which reads state other than its"
                            + " arguments (a setting or a field)");
                }
                return;
            }
            if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
                    && ms.getIdentifier().contentEquals("toString") && call.getArguments().isEmpty()
                    && unit.trees().getElement(new TreePath(new TreePath(path, ms), ms.getExpression())) instanceof Element b
                    && b.getKind() == ElementKind.LOCAL_VARIABLE
                    && String.valueOf(b.asType()).equals("java.lang.StringBuilder")) {
                replace(call);
                removeBuilder(path, b);
                return;
            }
            refuse("the name comes from " + site.source(e) + ", which this fix cannot follow to a definition in this file");
        }

        /**
         * Whether a helper's result depends only on its arguments and constants (string operations on
         * them), so that replacing one call by the name it should produce loses nothing else.
         */
        private boolean computesFromArguments(MethodTree helper) {
            boolean[] other = {false};
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                    if (!(site.unit().trees().getElement(getCurrentPath()) instanceof ExecutableElement m)
                            || !m.getEnclosingElement().toString().equals("java.lang.String")) {
                        other[0] = true;
                    }
                    return super.visitMethodInvocation(node, unused);
                }

                @Override
                public Void visitIdentifier(IdentifierTree node, Void unused) {
                    Element el = site.unit().trees().getElement(getCurrentPath());
                    if (el instanceof VariableElement v && v.getKind() == ElementKind.FIELD && v.getConstantValue() == null) {
                        other[0] = true;
                    }
                    return null;
                }
            }.scan(site.path(helper.getBody()), null);
            return !other[0];
        }

        /** Whether a resolved arm is weak (it will be changed) or already the strong name. */
        private boolean settled(String value) {
            return weak.test(value) || value.equalsIgnoreCase(strong);
        }

        /** Deletes the statements that only build a StringBuilder whose text is no longer used. */
        private void removeBuilder(TreePath use, Element builder) {
            TreePath method = site.enclosingMethod(use).orElse(null);
            if (method == null) {
                return;
            }
            List<Tree> statements = new ArrayList<>();
            for (TreePath ref : references(builder)) {
                if (ref.getLeaf() == ((MemberSelectTree) ((MethodInvocationTree) use.getLeaf()).getMethodSelect())
                        .getExpression()) {
                    continue;
                }
                TreePath stmt = site.enclosingStatement(ref).orElse(null);
                if (stmt == null || !(stmt.getLeaf() instanceof com.sun.source.tree.ExpressionStatementTree es)
                        || !rootedAt(es.getExpression(), builder)) {
                    return; // the builder is used for something else: leave it
                }
                statements.add(stmt.getLeaf());
            }
            VariableTree decl = Locals.declaration(site, method.getLeaf(), builder);
            if (decl == null) {
                return;
            }
            statements.add(decl);
            for (Tree s : statements) {
                int start = site.lineStart(site.start(s));
                int end = site.text().indexOf('\n', site.end(s));
                if (!site.startsLine(site.start(s)) || end < 0 || !site.text().substring(site.end(s), end).isBlank()) {
                    return;
                }
                edits.add(Edit.replace(start, end + 1, ""));
            }
        }

        private boolean rootedAt(ExpressionTree e, Element builder) {
            while (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
                if (!ms.getIdentifier().contentEquals("append")) {
                    return false;
                }
                e = ms.getExpression();
            }
            return e instanceof IdentifierTree id && builder.equals(site.element(id));
        }

        private List<TreePath> returns(MethodTree helper) {
            List<TreePath> out = new ArrayList<>();
            new Locals.OwnCodeScanner() {
                @Override
                public Void visitReturn(ReturnTree node, Void unused) {
                    out.add(getCurrentPath());
                    return null;
                }
            }.scan(site.path(helper.getBody()), null);
            return out;
        }

        /** Every reference (identifier, member select or call) to the element in the unit. */
        private List<TreePath> references(Element target) {
            return Constants.references(site.unit(), target);
        }
    }

    /** Every use of {@code target} in the unit: identifiers, member selects, and calls for methods. */
    static List<TreePath> references(ParsedUnit unit, Element target) {
        List<TreePath> refs = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                check();
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree node, Void unused) {
                check();
                return super.visitMemberSelect(node, unused);
            }

            private void check() {
                if (target.equals(unit.trees().getElement(getCurrentPath()))) {
                    TreePath p = getCurrentPath();
                    // A method is used by the call around its name.
                    if (target instanceof ExecutableElement && p.getParentPath().getLeaf() instanceof MethodInvocationTree) {
                        p = p.getParentPath();
                    }
                    refs.add(p);
                }
            }
        }.scan(new TreePath(unit.tree()), null);
        return refs;
    }
}
