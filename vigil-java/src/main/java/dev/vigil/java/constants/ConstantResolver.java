package dev.vigil.java.constants;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.vigil.java.frontend.ParsedUnit;
import dev.vigil.java.frontend.TypeNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Resolves what an expression evaluates to, so that checks judge algorithm names and flags by their
 * actual value. Beyond javac's compile-time constants it follows final and effectively-constant
 * fields, locals through the statements of their method (with branches on folded conditions pruned),
 * concatenation, ternaries, string switches, StringBuilder appends, small project methods returning
 * a constant (with their arguments bound), Spring {@code @Value} placeholders and
 * {@code Properties.getProperty} reads resolved against the project's {@code .properties} files.
 *
 * <p>The result is a {@link ValueSet}: what cannot be known is left out and marks the set
 * incomplete, never guessed.
 */
public final class ConstantResolver {

    private static final int MAX_DEPTH = 12;

    private final ProjectProperties properties;
    private final Map<CompilationUnitTree, ParsedUnit> units =
            Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * @param units every unit of the program, so that fields and helpers declared in other files resolve
     */
    public ConstantResolver(ProjectProperties properties, Collection<ParsedUnit> units) {
        this.properties = Objects.requireNonNull(properties, "properties");
        for (ParsedUnit u : units) {
            this.units.put(u.tree(), u);
        }
    }

    /** Makes a unit known (a no-op when it already is). */
    public void register(ParsedUnit unit) {
        units.putIfAbsent(unit.tree(), unit);
    }

    public ProjectProperties properties() {
        return properties;
    }

    /** The possible values of the expression at {@code path}. */
    public ValueSet resolve(TreePath path) {
        return eval(path, Frame.EMPTY, 0);
    }

    /**
     * The values written in the source itself: like {@link #resolve(TreePath)} but without reading
     * configuration ({@code getProperty}, {@code @Value}), for rules about secrets in code, where a
     * configured value is the fix, not the finding.
     */
    public ValueSet resolveInSource(TreePath path) {
        return eval(path, Frame.SOURCE, 0);
    }

    /** The possible values of {@code expression}, a tree of {@code unit}. */
    public ValueSet resolve(ParsedUnit unit, ExpressionTree expression) {
        TreePath p = unit.path(expression);
        return p == null ? ValueSet.unknown() : resolve(p);
    }

    /**
     * Whether the expression is a byte or char array fixed in the source: an array literal of
     * constants, {@code "literal".getBytes()}, {@code "literal".toCharArray()}, a decoded literal
     * (Base64, hex), or a variable or final field holding one of those.
     */
    public boolean isConstantArray(TreePath path) {
        return constantArray(path, 0);
    }

    // ---------------------------------------------------------------- expressions

    /** Parameter bindings of an inlined helper call, and the helpers being inlined (recursion guard). */
    private record Frame(Map<Element, ValueSet> bindings, Set<Element> active, boolean configuration) {
        static final Frame EMPTY = new Frame(Map.of(), Set.of(), true);
        static final Frame SOURCE = new Frame(Map.of(), Set.of(), false);

        Frame base() {
            return configuration ? EMPTY : SOURCE;
        }
    }

    private ValueSet eval(TreePath path, Frame frame, int depth) {
        if (path == null || depth > MAX_DEPTH) {
            return ValueSet.unknown();
        }
        Tree t = path.getLeaf();
        return switch (t) {
            case ParenthesizedTree p -> eval(child(path, p.getExpression()), frame, depth + 1);
            case LiteralTree l -> ValueSet.of(l.getValue());
            case TypeCastTree c -> cast(c, eval(child(path, c.getExpression()), frame, depth + 1));
            case BinaryTree b -> binary(path, b, frame, depth);
            case UnaryTree u -> unary(path, u, frame, depth);
            case ConditionalExpressionTree c -> conditional(path, c, frame, depth);
            case IdentifierTree id -> variable(path, frame, depth);
            case MemberSelectTree ms -> variable(path, frame, depth);
            case MethodInvocationTree call -> invocation(path, call, frame, depth);
            case NewClassTree nc -> construction(path, nc, frame, depth);
            case SwitchExpressionTree sw -> switchExpression(path, sw, frame, depth);
            default -> ValueSet.unknown();
        };
    }

    private static TreePath child(TreePath parent, Tree leaf) {
        return leaf == null ? null : new TreePath(parent, leaf);
    }

    private static ValueSet cast(TypeCastTree c, ValueSet v) {
        String type = c.getType().toString();
        return v.map(x -> switch (type) {
            case "int" -> x instanceof Number n ? n.intValue() : x instanceof Character ch ? (int) ch : null;
            case "long" -> x instanceof Number n ? n.longValue() : x instanceof Character ch ? (long) ch : null;
            case "char" -> x instanceof Number n ? (char) n.intValue() : x instanceof Character ? x : null;
            default -> x;
        });
    }

    private ValueSet binary(TreePath path, BinaryTree b, Frame frame, int depth) {
        if (b.getKind() == Tree.Kind.PLUS && b.getLeftOperand() instanceof BinaryTree) {
            return concatenation(path, b, frame, depth);
        }
        ValueSet l = eval(child(path, b.getLeftOperand()), frame, depth + 1);
        if (b.getKind() == Tree.Kind.CONDITIONAL_AND && l.alwaysFalse()) {
            return ValueSet.of(false);
        }
        if (b.getKind() == Tree.Kind.CONDITIONAL_OR && l.alwaysTrue()) {
            return ValueSet.of(true);
        }
        ValueSet r = eval(child(path, b.getRightOperand()), frame, depth + 1);
        Tree.Kind kind = b.getKind();
        return l.combine(r, (x, y) -> Folding.binary(kind, x, y));
    }

    /**
     * A left-nested chain {@code a + b + c + ...}: folded operand by operand, so that a long
     * concatenation does not use up the depth budget meant for following variables and calls.
     */
    private ValueSet concatenation(TreePath path, BinaryTree b, Frame frame, int depth) {
        List<TreePath> operands = new ArrayList<>();
        TreePath cur = path;
        while (cur.getLeaf() instanceof BinaryTree bt && bt.getKind() == Tree.Kind.PLUS) {
            operands.add(0, child(cur, bt.getRightOperand()));
            cur = child(cur, bt.getLeftOperand());
        }
        operands.add(0, cur);
        ValueSet acc = eval(operands.get(0), frame, depth + 1);
        for (int i = 1; i < operands.size(); i++) {
            ValueSet next = eval(operands.get(i), frame, depth + 1);
            acc = acc.combine(next, (x, y) -> Folding.binary(Tree.Kind.PLUS, x, y));
            if (acc.isUnknown()) {
                return acc;
            }
        }
        return acc;
    }

    private ValueSet unary(TreePath path, UnaryTree u, Frame frame, int depth) {
        ValueSet v = eval(child(path, u.getExpression()), frame, depth + 1);
        return switch (u.getKind()) {
            case LOGICAL_COMPLEMENT -> v.map(x -> x instanceof Boolean bool ? !bool : null);
            case UNARY_MINUS -> v.map(x -> x instanceof Integer i ? -i : x instanceof Long n ? -n
                    : x instanceof Double d ? -d : null);
            case UNARY_PLUS -> v;
            default -> ValueSet.unknown();
        };
    }

    private ValueSet conditional(TreePath path, ConditionalExpressionTree c, Frame frame, int depth) {
        ValueSet cond = eval(child(path, c.getCondition()), frame, depth + 1);
        ValueSet yes = null;
        ValueSet no = null;
        if (!cond.alwaysFalse()) {
            yes = eval(child(path, c.getTrueExpression()), frame, depth + 1);
        }
        if (!cond.alwaysTrue()) {
            no = eval(child(path, c.getFalseExpression()), frame, depth + 1);
        }
        return yes == null ? no : yes.union(no);
    }

    private ValueSet switchExpression(TreePath path, SwitchExpressionTree sw, Frame frame, int depth) {
        ValueSet selector = eval(child(path, sw.getExpression()), frame, depth + 1);
        List<CaseTree> chosen = chooseCases(path, sw.getCases(), selector, frame, depth);
        ValueSet out = null;
        for (CaseTree c : chosen) {
            TreePath casePath = child(path, c);
            List<TreePath> results = new ArrayList<>();
            if (c.getCaseKind() == CaseTree.CaseKind.RULE && c.getBody() instanceof ExpressionTree e) {
                results.add(child(casePath, e));
            } else {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitYield(YieldTree y, Void unused) {
                        results.add(new TreePath(getCurrentPath(), y.getValue()));
                        return null;
                    }

                    @Override
                    public Void visitSwitchExpression(SwitchExpressionTree inner, Void unused) {
                        return null; // its yields belong to the inner switch
                    }

                    @Override
                    public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
                        return null;
                    }

                    @Override
                    public Void visitClass(ClassTree ct, Void unused) {
                        return null;
                    }
                }.scan(casePath, null);
                if (results.isEmpty()) {
                    continue; // a case that only throws
                }
            }
            for (TreePath r : results) {
                ValueSet v = eval(r, frame, depth + 1);
                out = out == null ? v : out.union(v);
            }
        }
        return out == null ? ValueSet.unknown() : out;
    }

    /**
     * The cases a switch can take: the one matching a known selector (or default), all of them
     * otherwise.
     */
    private List<CaseTree> chooseCases(TreePath switchPath, List<? extends CaseTree> cases, ValueSet selector,
                                       Frame frame, int depth) {
        if (selector.single().isEmpty()) {
            return List.copyOf(cases);
        }
        Object value = selector.single().get();
        CaseTree fallback = null;
        for (CaseTree c : cases) {
            List<? extends ExpressionTree> labels = c.getExpressions();
            if (labels.isEmpty()) {
                fallback = c;
                continue;
            }
            for (ExpressionTree label : labels) {
                ValueSet lv = eval(new TreePath(child(switchPath, c), label), frame, depth + 1);
                if (lv.single().isEmpty()) {
                    return List.copyOf(cases); // an enum label or a pattern: cannot choose
                }
                if (lv.single().get().equals(value)) {
                    return List.of(c);
                }
            }
        }
        return fallback == null ? List.of() : List.of(fallback);
    }

    // ---------------------------------------------------------------- variables

    private ValueSet variable(TreePath path, Frame frame, int depth) {
        Trees trees = treesOf(path);
        Element e = trees == null ? null : trees.getElement(path);
        if (!(e instanceof VariableElement v)) {
            return ValueSet.unknown();
        }
        Object constant = v.getConstantValue();
        if (constant != null) {
            return ValueSet.of(constant);
        }
        if (v.getKind() == ElementKind.FIELD && v.getEnclosingElement() instanceof javax.lang.model.element.TypeElement te
                && te.getQualifiedName().contentEquals("java.lang.Boolean")
                && (v.getSimpleName().contentEquals("TRUE") || v.getSimpleName().contentEquals("FALSE"))) {
            return ValueSet.of(v.getSimpleName().contentEquals("TRUE"));
        }
        ValueSet bound = frame.bindings().get(v);
        if (bound != null) {
            return bound;
        }
        return switch (v.getKind()) {
            case LOCAL_VARIABLE, RESOURCE_VARIABLE -> local(path, v, frame, depth);
            case FIELD -> field(trees, v, frame.base(), depth);
            case PARAMETER -> parameter(v, frame, depth);
            default -> ValueSet.unknown();
        };
    }

    /**
     * A parameter not bound by an inlined call: the values the project's call sites pass. Complete
     * only for a private method, whose callers are all in view; otherwise other callers (frameworks,
     * other modules) may pass anything else.
     */
    private ValueSet parameter(VariableElement parameter, Frame frame, int depth) {
        if (!(parameter.getEnclosingElement() instanceof ExecutableElement method)
                || frame.active().contains(method) || depth > MAX_DEPTH / 2) {
            return ValueSet.unknown();
        }
        int index = method.getParameters().indexOf(parameter);
        ValueSet injected = injectedParameter(method, index);
        if (injected != null) {
            return frame.configuration() ? injected : ValueSet.unknown();
        }
        List<TreePath> sites = callSites().getOrDefault(method, List.of());
        if (index < 0 || sites.isEmpty() || method.isVarArgs()) {
            return ValueSet.unknown();
        }
        Set<Element> active = Collections.newSetFromMap(new IdentityHashMap<>());
        active.addAll(frame.active());
        active.add(method);
        Frame outer = new Frame(Map.of(), active, frame.configuration());
        ValueSet out = null;
        for (TreePath site : sites) {
            List<? extends ExpressionTree> args = site.getLeaf() instanceof MethodInvocationTree m ? m.getArguments()
                    : ((NewClassTree) site.getLeaf()).getArguments();
            if (index >= args.size()) {
                return ValueSet.unknown();
            }
            ValueSet v = eval(child(site, args.get(index)), outer, depth + 1);
            out = out == null ? v : out.union(v);
        }
        boolean allCallersKnown = method.getModifiers().contains(Modifier.PRIVATE);
        return allCallersKnown ? out : new ValueSet(out.values(), false);
    }

    /** The project's calls of {@code method} (invocations and constructor calls). */
    public List<TreePath> callSitesOf(ExecutableElement method) {
        return callSites().getOrDefault(method, List.of());
    }

    private Map<Element, List<TreePath>> callSites;

    /** The value of a {@code @Value("${key:default}")} constructor or method parameter, or null when it has none. */
    private ValueSet injectedParameter(ExecutableElement method, int index) {
        if (index < 0) {
            return null;
        }
        Set<Trees> tasks = Collections.newSetFromMap(new IdentityHashMap<>());
        synchronized (units) {
            units.values().forEach(u -> tasks.add(u.trees()));
        }
        for (Trees trees : tasks) {
            TreePath decl = trees.getPath(method);
            if (decl != null) {
                return decl.getLeaf() instanceof MethodTree mt && index < mt.getParameters().size()
                        ? springValue(mt.getParameters().get(index)) : null;
            }
        }
        return null;
    }

    /** Every call and constructor invocation of the program by target, built once on first need. */
    private synchronized Map<Element, List<TreePath>> callSites() {
        if (callSites == null) {
            Map<Element, List<TreePath>> sites = new HashMap<>();
            List<ParsedUnit> all;
            synchronized (units) {
                all = new ArrayList<>(units.values());
            }
            for (ParsedUnit u : all) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                        add(u.trees().getElement(getCurrentPath()));
                        return super.visitMethodInvocation(call, unused);
                    }

                    @Override
                    public Void visitNewClass(NewClassTree nc, Void unused) {
                        add(u.trees().getElement(getCurrentPath()));
                        return super.visitNewClass(nc, unused);
                    }

                    private void add(Element target) {
                        if (target instanceof ExecutableElement) {
                            sites.computeIfAbsent(target, k -> new ArrayList<>()).add(getCurrentPath());
                        }
                    }
                }.scan(u.tree(), null);
            }
            callSites = sites;
        }
        return callSites;
    }

    private ValueSet field(Trees trees, VariableElement field, Frame base, int depth) {
        TreePath decl = trees.getPath(field);
        if (decl == null || !(decl.getLeaf() instanceof VariableTree vt)) {
            return ValueSet.unknown(); // from a jar: only compile-time constants are known
        }
        ValueSet injected = springValue(vt);
        if (injected != null) {
            return base.configuration() ? injected : ValueSet.unknown();
        }
        Set<Modifier> mods = field.getModifiers();
        boolean isFinal = mods.contains(Modifier.FINAL);
        if (!isFinal && !mods.contains(Modifier.PRIVATE)) {
            return ValueSet.unknown(); // any class of the package or a subclass may set it
        }
        TreePath classPath = decl.getParentPath();
        List<TreePath> writes = new ArrayList<>();
        boolean[] writtenOutsideConstruction = {false};
        if (classPath != null && classPath.getLeaf() instanceof ClassTree) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitAssignment(AssignmentTree a, Void unused) {
                    TreePath target = new TreePath(getCurrentPath(), a.getVariable());
                    if (field.equals(trees.getElement(target))) {
                        writes.add(new TreePath(getCurrentPath(), a.getExpression()));
                        if (!inConstruction(getCurrentPath())) {
                            writtenOutsideConstruction[0] = true;
                        }
                    }
                    return super.visitAssignment(a, unused);
                }

                @Override
                public Void visitCompoundAssignment(CompoundAssignmentTree a, Void unused) {
                    if (field.equals(trees.getElement(new TreePath(getCurrentPath(), a.getVariable())))) {
                        writtenOutsideConstruction[0] = true;
                    }
                    return super.visitCompoundAssignment(a, unused);
                }

                @Override
                public Void visitUnary(UnaryTree u, Void unused) {
                    if (u.getExpression() != null
                            && field.equals(trees.getElement(new TreePath(getCurrentPath(), u.getExpression())))) {
                        writtenOutsideConstruction[0] = true;
                    }
                    return super.visitUnary(u, unused);
                }
            }.scan(classPath, null);
        }
        if (writtenOutsideConstruction[0]) {
            return ValueSet.unknown();
        }
        ValueSet out = null;
        if (vt.getInitializer() != null) {
            out = eval(child(decl, vt.getInitializer()), base, depth + 1);
        }
        for (TreePath w : writes) {
            ValueSet v = eval(w, base, depth + 1);
            out = out == null ? v : out.union(v);
        }
        // No initializer and no write: set by a framework or by reflection.
        return out == null ? ValueSet.unknown() : out;
    }

    private static boolean inConstruction(TreePath p) {
        for (TreePath q = p; q != null; q = q.getParentPath()) {
            Tree t = q.getLeaf();
            if (t instanceof MethodTree m) {
                return m.getName().contentEquals("<init>");
            }
            if (t instanceof LambdaExpressionTree) {
                return false;
            }
            if (t instanceof BlockTree && q.getParentPath() != null
                    && q.getParentPath().getLeaf() instanceof ClassTree) {
                return true; // an initializer block
            }
            if (t instanceof ClassTree) {
                return false;
            }
        }
        return false;
    }

    /** The value of a Spring {@code @Value("${key:default}")} field, or null when the field has none. */
    private ValueSet springValue(VariableTree vt) {
        for (AnnotationTree a : vt.getModifiers().getAnnotations()) {
            String type = a.getAnnotationType().toString();
            if (!type.equals("Value") && !type.endsWith(".Value")) {
                continue;
            }
            if (a.getArguments().size() != 1) {
                return ValueSet.unknown();
            }
            ExpressionTree arg = a.getArguments().get(0);
            if (arg instanceof AssignmentTree as) {
                arg = as.getExpression();
            }
            if (arg instanceof LiteralTree l && l.getValue() instanceof String s) {
                return properties.resolvePlaceholder(s);
            }
            return ValueSet.unknown();
        }
        return null;
    }

    private ValueSet local(TreePath use, VariableElement var, Frame frame, int depth) {
        Trees trees = treesOf(use);
        TreePath decl = findDeclaration(use, var, trees);
        if (decl == null) {
            return ValueSet.unknown();
        }
        VariableTree vt = (VariableTree) decl.getLeaf();
        TreePath scope = decl.getParentPath();
        if (!(scope.getLeaf() instanceof BlockTree block)) {
            // A loop variable, resource or catch parameter: known only when it is never reassigned.
            return vt.getInitializer() != null && !assignedIn(scope, var, trees)
                    ? eval(child(decl, vt.getInitializer()), frame, depth + 1) : ValueSet.unknown();
        }
        Set<Tree> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TreePath p = use; p != null; p = p.getParentPath()) {
            ancestors.add(p.getLeaf());
        }
        Flow flow = new Flow(var, trees, ancestors, frame, depth);
        ValueSet v = flow.block(scope, block.getStatements(), null).value();
        return v == null ? ValueSet.unknown() : v;
    }

    private static TreePath findDeclaration(TreePath use, VariableElement var, Trees trees) {
        TreePath root = use;
        for (TreePath p = use; p != null; p = p.getParentPath()) {
            root = p;
            if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
                break;
            }
        }
        TreePath[] found = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (found[0] == null && var.equals(trees.getElement(getCurrentPath()))) {
                    found[0] = getCurrentPath();
                    return null;
                }
                return super.visitVariable(v, unused);
            }
        }.scan(root, null);
        return found[0];
    }

    private static boolean assignedIn(TreePath scope, VariableElement var, Trees trees) {
        boolean[] assigned = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree a, Void unused) {
                assigned[0] |= var.equals(trees.getElement(new TreePath(getCurrentPath(), a.getVariable())));
                return super.visitAssignment(a, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree a, Void unused) {
                assigned[0] |= var.equals(trees.getElement(new TreePath(getCurrentPath(), a.getVariable())));
                return super.visitCompoundAssignment(a, unused);
            }

            @Override
            public Void visitUnary(UnaryTree u, Void unused) {
                assigned[0] |= var.equals(trees.getElement(new TreePath(getCurrentPath(), u.getExpression())));
                return super.visitUnary(u, unused);
            }
        }.scan(scope, null);
        return assigned[0];
    }

    /**
     * Walks the statements of the block declaring a local, in order, tracking the local's possible
     * values until the statement holding the use. Branches whose condition folds are pruned; a branch
     * that ends in return/throw does not flow on; loops, try and switch contribute every value
     * assigned inside them.
     */
    private final class Flow {
        private final VariableElement var;
        private final Trees trees;
        private final Set<Tree> ancestors;
        private final Frame frame;
        private final int depth;

        Flow(VariableElement var, Trees trees, Set<Tree> ancestors, Frame frame, int depth) {
            this.var = var;
            this.trees = trees;
            this.ancestors = ancestors;
            this.frame = frame;
            this.depth = depth;
        }

        /** The value after the statements ({@code null}: not assigned yet), and whether the use was reached. */
        record Out(ValueSet value, boolean reached, boolean abrupt) {
        }

        Out block(TreePath parent, List<? extends StatementTree> statements, ValueSet in) {
            ValueSet current = in;
            for (StatementTree s : statements) {
                Out o = statement(child(parent, s), current);
                if (o.reached()) {
                    return o;
                }
                if (o.abrupt()) {
                    return new Out(current, false, true);
                }
                current = o.value();
            }
            return new Out(current, false, false);
        }

        Out statement(TreePath path, ValueSet in) {
            Tree s = path.getLeaf();
            boolean holdsUse = ancestors.contains(s);
            switch (s) {
                case BlockTree b -> {
                    return block(path, b.getStatements(), in);
                }
                case IfTree i -> {
                    if (holdsUse) {
                        if (ancestors.contains(i.getThenStatement())) {
                            return statement(child(path, i.getThenStatement()), in);
                        }
                        if (i.getElseStatement() != null && ancestors.contains(i.getElseStatement())) {
                            return statement(child(path, i.getElseStatement()), in);
                        }
                        return new Out(in, true, false);
                    }
                    ValueSet cond = eval(child(path, i.getCondition()), frame, depth + 1);
                    Out yes = cond.alwaysFalse() ? null : statement(child(path, i.getThenStatement()), in);
                    Out no = cond.alwaysTrue() ? null : i.getElseStatement() == null
                            ? new Out(in, false, false) : statement(child(path, i.getElseStatement()), in);
                    return merge(yes, no);
                }
                case VariableTree v when !holdsUse -> {
                    if (var.equals(trees.getElement(path))) {
                        return new Out(v.getInitializer() == null ? null
                                : eval(child(path, v.getInitializer()), frame, depth + 1), false, false);
                    }
                    return new Out(in, false, false);
                }
                case ExpressionStatementTree es when !holdsUse -> {
                    return new Out(assign(child(path, es.getExpression()), in), false, false);
                }
                case SwitchTree sw when !holdsUse -> {
                    ValueSet selector = eval(child(path, sw.getExpression()), frame, depth + 1);
                    List<CaseTree> cases = chooseCases(path, sw.getCases(), selector, frame, depth);
                    boolean all = cases.size() == sw.getCases().size();
                    boolean hasDefault = sw.getCases().stream().anyMatch(c -> c.getExpressions().isEmpty());
                    Out merged = all && !hasDefault ? new Out(in, false, false) : null;
                    for (CaseTree c : cases) {
                        TreePath cp = child(path, c);
                        Out o = c.getCaseKind() == CaseTree.CaseKind.RULE && c.getBody() instanceof StatementTree st
                                ? statement(child(cp, st), in)
                                : block(cp, c.getStatements() == null ? List.of() : c.getStatements(), in);
                        // A break ends the case, it does not leave the method.
                        merged = merge(merged, new Out(o.value(), false, o.abrupt() && !endsWithBreak(c)));
                    }
                    return merged == null ? new Out(in, false, false) : merged;
                }
                case StatementTree st when s.getKind() == Tree.Kind.RETURN || s.getKind() == Tree.Kind.THROW
                        || s.getKind() == Tree.Kind.BREAK || s.getKind() == Tree.Kind.CONTINUE -> {
                    return new Out(in, holdsUse, !holdsUse);
                }
                default -> {
                    if (holdsUse) {
                        return descend(path, in);
                    }
                    // Loops, try, synchronized, labeled statements: every value assigned inside may flow on.
                    return new Out(assignedWithin(path, in), false, false);
                }
            }
        }

        private boolean endsWithBreak(CaseTree c) {
            List<? extends StatementTree> st = c.getStatements();
            return st != null && !st.isEmpty() && st.get(st.size() - 1).getKind() == Tree.Kind.BREAK;
        }

        /** The use sits inside a compound statement that is not an if or a block. */
        private Out descend(TreePath path, ValueSet in) {
            Tree s = path.getLeaf();
            if (s instanceof com.sun.source.tree.TryTree t && ancestors.contains(t.getBlock())) {
                return statement(child(path, t.getBlock()), in);
            }
            if (s instanceof com.sun.source.tree.SynchronizedTree sy) {
                return statement(child(path, sy.getBlock()), in);
            }
            if (s instanceof com.sun.source.tree.LabeledStatementTree l) {
                return statement(child(path, l.getStatement()), in);
            }
            if (s instanceof SwitchTree sw) {
                for (CaseTree c : sw.getCases()) {
                    if (ancestors.contains(c)) {
                        TreePath cp = child(path, c);
                        if (c.getCaseKind() == CaseTree.CaseKind.RULE && c.getBody() instanceof StatementTree st) {
                            return statement(child(cp, st), in);
                        }
                        return block(cp, c.getStatements() == null ? List.of() : c.getStatements(), in);
                    }
                }
            }
            // Loops, catch and finally blocks, and a use inside the statement's own expression:
            // everything assigned in the statement may have happened before the use.
            return new Out(assignedWithin(path, in), true, false);
        }

        private Out merge(Out a, Out b) {
            if (a == null || a.abrupt()) {
                return b == null ? new Out(a == null ? null : a.value(), false, a != null) : b;
            }
            if (b == null || b.abrupt()) {
                return a;
            }
            ValueSet v = a.value() == null || b.value() == null ? unset(a.value(), b.value())
                    : a.value().union(b.value());
            return new Out(v, false, false);
        }

        private ValueSet unset(ValueSet a, ValueSet b) {
            // One path leaves the local unassigned (javac would reject a read there): keep the other.
            return a == null ? b : a;
        }

        /** The value after an expression statement. */
        private ValueSet assign(TreePath exprPath, ValueSet in) {
            Tree e = exprPath.getLeaf();
            if (e instanceof AssignmentTree a
                    && var.equals(trees.getElement(child(exprPath, a.getVariable())))) {
                return eval(child(exprPath, a.getExpression()), frame, depth + 1);
            }
            if (e instanceof CompoundAssignmentTree ca
                    && var.equals(trees.getElement(child(exprPath, ca.getVariable())))) {
                if (ca.getKind() == Tree.Kind.PLUS_ASSIGNMENT && in != null) {
                    ValueSet r = eval(child(exprPath, ca.getExpression()), frame, depth + 1);
                    return in.combine(r, (x, y) -> Folding.binary(Tree.Kind.PLUS, x, y));
                }
                return ValueSet.unknown();
            }
            return assignedWithin(exprPath, in);
        }

        /** {@code in} joined with every value assigned to the local anywhere inside {@code path}. */
        private ValueSet assignedWithin(TreePath path, ValueSet in) {
            ValueSet[] out = {in};
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitAssignment(AssignmentTree a, Void unused) {
                    if (var.equals(trees.getElement(new TreePath(getCurrentPath(), a.getVariable())))) {
                        add(eval(new TreePath(getCurrentPath(), a.getExpression()), frame, depth + 1));
                    }
                    return super.visitAssignment(a, unused);
                }

                @Override
                public Void visitVariable(VariableTree v, Void unused) {
                    if (var.equals(trees.getElement(getCurrentPath()))) {
                        add(v.getInitializer() == null ? null
                                : eval(new TreePath(getCurrentPath(), v.getInitializer()), frame, depth + 1));
                    }
                    return super.visitVariable(v, unused);
                }

                @Override
                public Void visitCompoundAssignment(CompoundAssignmentTree a, Void unused) {
                    if (var.equals(trees.getElement(new TreePath(getCurrentPath(), a.getVariable())))) {
                        add(ValueSet.unknown());
                    }
                    return super.visitCompoundAssignment(a, unused);
                }

                @Override
                public Void visitUnary(UnaryTree u, Void unused) {
                    if (var.equals(trees.getElement(new TreePath(getCurrentPath(), u.getExpression())))) {
                        add(ValueSet.unknown());
                    }
                    return super.visitUnary(u, unused);
                }

                private void add(ValueSet v) {
                    if (v != null) {
                        out[0] = out[0] == null ? v : out[0].union(v);
                    }
                }
            }.scan(path, null);
            return out[0];
        }
    }

    // ---------------------------------------------------------------- calls

    private ValueSet invocation(TreePath path, MethodInvocationTree call, Frame frame, int depth) {
        Trees trees = treesOf(path);
        if (trees == null) {
            return ValueSet.unknown();
        }
        ExpressionTree select = call.getMethodSelect();
        String name = select instanceof MemberSelectTree ms ? ms.getIdentifier().toString()
                : select instanceof IdentifierTree id ? id.getName().toString() : "";
        TreePath receiver = select instanceof MemberSelectTree ms ? child(child(path, select), ms.getExpression())
                : null;
        String receiverType = receiver == null ? "" : typeOf(receiver);
        List<TreePath> args = new ArrayList<>();
        for (ExpressionTree a : call.getArguments()) {
            args.add(child(path, a));
        }
        // Properties and Spring's Environment: the project's configured value, or the default.
        if ((name.equals("getProperty") || name.equals("getRequiredProperty")) && !args.isEmpty()
                && isPropertySource(receiverType)) {
            if (!frame.configuration()) {
                return ValueSet.unknown();
            }
            ValueSet key = eval(args.get(0), frame, depth + 1);
            if (key.single().orElse(null) instanceof String k) {
                ValueSet def = args.size() >= 2 && name.equals("getProperty")
                        ? eval(args.get(args.size() - 1), frame, depth + 1) : null;
                if (args.size() == 3) {
                    def = null; // Environment.getProperty(key, type, default): typed, rarely a name
                }
                return properties.resolve(k, def);
            }
            return ValueSet.unknown();
        }
        switch (receiverType + "#" + name) {
            case "java.lang.Boolean#parseBoolean", "java.lang.Boolean#valueOf" -> {
                return args.size() != 1 ? ValueSet.unknown() : eval(args.get(0), frame, depth + 1)
                        .map(v -> v instanceof String s ? Boolean.parseBoolean(s) : v instanceof Boolean ? v : null);
            }
            case "java.lang.Integer#parseInt", "java.lang.Integer#valueOf" -> {
                return args.size() != 1 ? ValueSet.unknown() : eval(args.get(0), frame, depth + 1)
                        .map(v -> v instanceof String s ? Folding.parseInt(s) : v instanceof Integer ? v : null);
            }
            case "java.lang.String#valueOf" -> {
                return args.size() != 1 ? ValueSet.unknown() : eval(args.get(0), frame, depth + 1)
                        .map(v -> v instanceof char[] ? null : String.valueOf(v));
            }
            case "java.util.Objects#requireNonNull", "java.util.Objects#requireNonNullElse" -> {
                return args.isEmpty() ? ValueSet.unknown() : eval(args.get(0), frame, depth + 1);
            }
            default -> {
                // fall through to the receiver-based rules below
            }
        }
        if (receiver != null && receiverType.equals("java.lang.String")) {
            ValueSet self = eval(receiver, frame, depth + 1);
            if (!self.isUnknown()) {
                ValueSet arg = args.size() == 1 ? eval(args.get(0), frame, depth + 1) : null;
                ValueSet r = Folding.stringMethod(name, self, arg, args.size());
                if (r != null) {
                    return r;
                }
            }
        }
        if (receiver != null && name.equals("toString")
                && (receiverType.equals("java.lang.StringBuilder") || receiverType.equals("java.lang.StringBuffer"))) {
            return builder(receiver, frame, depth + 1);
        }
        Element e = trees.getElement(path);
        if (e instanceof ExecutableElement method) {
            return helper(trees, method, args, frame, depth);
        }
        return ValueSet.unknown();
    }

    private static boolean isPropertySource(String type) {
        return type.equals("java.util.Properties")
                || type.equals("org.springframework.core.env.Environment")
                || type.equals("org.springframework.core.env.PropertyResolver")
                || type.equals("org.springframework.core.env.ConfigurableEnvironment");
    }

    /** Inlines a project method whose returns fold, with its parameters bound to the call's arguments. */
    private ValueSet helper(Trees trees, ExecutableElement method, List<TreePath> args, Frame frame, int depth) {
        if (frame.active().contains(method) || method.isVarArgs()
                || method.getParameters().size() != args.size()) {
            return ValueSet.unknown();
        }
        TreePath decl = trees.getPath(method);
        if (decl == null || !(decl.getLeaf() instanceof MethodTree mt) || mt.getBody() == null) {
            return ValueSet.unknown();
        }
        Map<Element, ValueSet> bindings = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            bindings.put(method.getParameters().get(i), eval(args.get(i), frame, depth + 1));
        }
        Set<Element> active = Collections.newSetFromMap(new IdentityHashMap<>());
        active.addAll(frame.active());
        active.add(method);
        Frame inner = new Frame(bindings, active, frame.configuration());
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
            public Void visitIf(IfTree i, Void unused) {
                ValueSet cond = eval(new TreePath(getCurrentPath(), i.getCondition()), inner, depth + 1);
                if (!cond.alwaysFalse()) {
                    scan(i.getThenStatement(), null);
                }
                if (!cond.alwaysTrue()) {
                    scan(i.getElseStatement(), null);
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
        }.scan(child(decl, mt.getBody()), null);
        ValueSet out = null;
        for (TreePath r : returns) {
            ValueSet v = eval(r, inner, depth + 1);
            out = out == null ? v : out.union(v);
        }
        return out == null ? ValueSet.unknown() : out;
    }

    /** The text of a StringBuilder: {@code new StringBuilder(x).append(y)} chains and appends to a local. */
    private ValueSet builder(TreePath path, Frame frame, int depth) {
        if (depth > MAX_DEPTH) {
            return ValueSet.unknown();
        }
        Tree t = path.getLeaf();
        if (t instanceof ParenthesizedTree p) {
            return builder(child(path, p.getExpression()), frame, depth + 1);
        }
        if (t instanceof NewClassTree nc) {
            if (nc.getArguments().isEmpty()) {
                return ValueSet.of("");
            }
            TreePath arg = child(path, nc.getArguments().get(0));
            return typeOf(arg).equals("java.lang.String") || typeOf(arg).equals("java.lang.CharSequence")
                    ? eval(arg, frame, depth + 1) : ValueSet.of(""); // new StringBuilder(capacity)
        }
        if (t instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
                && ms.getIdentifier().contentEquals("append") && call.getArguments().size() == 1) {
            ValueSet head = builder(child(child(path, ms), ms.getExpression()), frame, depth + 1);
            ValueSet tail = eval(child(path, call.getArguments().get(0)), frame, depth + 1);
            return head.combine(tail, (x, y) -> Folding.binary(Tree.Kind.PLUS, x, String.valueOf(y)));
        }
        if (t instanceof IdentifierTree) {
            return builderLocal(path, frame, depth);
        }
        return ValueSet.unknown();
    }

    /**
     * A StringBuilder local: its initializer followed by the append-only expression statements on it,
     * directly in the declaring block, before the use. Any other use of the builder makes it unknown.
     */
    private ValueSet builderLocal(TreePath use, Frame frame, int depth) {
        Trees trees = treesOf(use);
        if (!(trees.getElement(use) instanceof VariableElement var) || var.getKind() != ElementKind.LOCAL_VARIABLE) {
            return ValueSet.unknown();
        }
        TreePath decl = findDeclaration(use, var, trees);
        if (decl == null || !(decl.getParentPath().getLeaf() instanceof BlockTree block)
                || ((VariableTree) decl.getLeaf()).getInitializer() == null) {
            return ValueSet.unknown();
        }
        long useStart = trees.getSourcePositions().getStartPosition(use.getCompilationUnit(), use.getLeaf());
        ValueSet value = builder(child(decl, ((VariableTree) decl.getLeaf()).getInitializer()), frame, depth + 1);
        List<Tree> handled = new ArrayList<>();
        for (StatementTree s : block.getStatements()) {
            long start = trees.getSourcePositions().getStartPosition(use.getCompilationUnit(), s);
            if (start <= trees.getSourcePositions().getStartPosition(use.getCompilationUnit(), decl.getLeaf())) {
                continue;
            }
            if (start >= useStart) {
                break;
            }
            TreePath sp = child(decl.getParentPath(), s);
            if (s instanceof ExpressionStatementTree es && appendChainRoot(es.getExpression()) instanceof IdentifierTree root
                    && var.equals(trees.getElement(pathTo(sp, root)))) {
                value = applyAppends(child(sp, es.getExpression()), value, frame, depth + 1);
                handled.add(root);
            }
        }
        // Every other mention of the builder before the use (passed along, inserted into) is unknown.
        int[] others = {0};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                if (id != use.getLeaf() && !handled.contains(id) && var.equals(trees.getElement(getCurrentPath()))
                        && trees.getSourcePositions().getStartPosition(use.getCompilationUnit(), id) < useStart) {
                    others[0]++;
                }
                return null;
            }
        }.scan(decl.getParentPath(), null);
        return others[0] == 0 ? value : ValueSet.unknown();
    }

    private static ExpressionTree appendChainRoot(ExpressionTree e) {
        ExpressionTree cur = e;
        while (cur instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
                && ms.getIdentifier().contentEquals("append") && call.getArguments().size() == 1) {
            cur = ms.getExpression();
        }
        return cur == e ? null : cur;
    }

    private ValueSet applyAppends(TreePath chain, ValueSet start, Frame frame, int depth) {
        MethodInvocationTree call = (MethodInvocationTree) chain.getLeaf();
        MemberSelectTree ms = (MemberSelectTree) call.getMethodSelect();
        ValueSet head = ms.getExpression() instanceof MethodInvocationTree
                ? applyAppends(child(child(chain, ms), ms.getExpression()), start, frame, depth + 1) : start;
        ValueSet tail = eval(child(chain, call.getArguments().get(0)), frame, depth + 1);
        return head.combine(tail, (x, y) -> Folding.binary(Tree.Kind.PLUS, x, String.valueOf(y)));
    }

    private static TreePath pathTo(TreePath root, Tree target) {
        TreePath[] found = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] == null && tree == target) {
                    found[0] = new TreePath(getCurrentPath(), tree);
                    return null;
                }
                return super.scan(tree, unused);
            }
        }.scan(root, null);
        return found[0];
    }

    private ValueSet construction(TreePath path, NewClassTree nc, Frame frame, int depth) {
        String type = typeOf(path);
        if (type.equals("java.lang.String") && nc.getArguments().size() == 1) {
            TreePath arg = child(path, nc.getArguments().get(0));
            return typeOf(arg).equals("java.lang.String") ? eval(arg, frame, depth + 1) : ValueSet.unknown();
        }
        return ValueSet.unknown();
    }

    // ---------------------------------------------------------------- arrays

    private boolean constantArray(TreePath path, int depth) {
        if (path == null || depth > MAX_DEPTH) {
            return false;
        }
        Tree t = path.getLeaf();
        Trees trees = treesOf(path);
        switch (t) {
            case ParenthesizedTree p -> {
                return constantArray(child(path, p.getExpression()), depth + 1);
            }
            case NewArrayTree na -> {
                if (na.getInitializers() == null || na.getInitializers().isEmpty()) {
                    return false;
                }
                for (ExpressionTree e : na.getInitializers()) {
                    if (!eval(child(path, e), Frame.SOURCE, depth + 1).complete()) {
                        return false;
                    }
                }
                return true;
            }
            case MethodInvocationTree call when call.getMethodSelect() instanceof MemberSelectTree ms -> {
                String name = ms.getIdentifier().toString();
                TreePath receiver = child(child(path, ms), ms.getExpression());
                if ((name.equals("getBytes") || name.equals("toCharArray")) && typeOf(receiver).equals("java.lang.String")) {
                    return eval(receiver, Frame.SOURCE, depth + 1).complete();
                }
                if ((name.equals("decode") || name.equals("parseHex") || name.equals("parseHexBinary")
                        || name.equals("parseBase64Binary") || name.equals("decodeHex") || name.equals("decodeBase64"))
                        && call.getArguments().size() == 1) {
                    ValueSet v = eval(child(path, call.getArguments().get(0)), Frame.SOURCE, depth + 1);
                    return v.complete() && !v.isUnknown();
                }
                if (name.equals("clone") || name.equals("copyOf")) {
                    TreePath source = name.equals("clone") ? receiver
                            : call.getArguments().isEmpty() ? null : child(path, call.getArguments().get(0));
                    return constantArray(source, depth + 1);
                }
                return false;
            }
            case IdentifierTree id -> {
                return constantArrayVariable(trees, path, depth);
            }
            case MemberSelectTree ms -> {
                return constantArrayVariable(trees, path, depth);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean constantArrayVariable(Trees trees, TreePath use, int depth) {
        if (trees == null || !(trees.getElement(use) instanceof VariableElement var)) {
            return false;
        }
        TreePath decl = var.getKind() == ElementKind.FIELD ? trees.getPath(var)
                : var.getKind() == ElementKind.LOCAL_VARIABLE ? findDeclaration(use, var, trees) : null;
        if (decl == null || !(decl.getLeaf() instanceof VariableTree vt) || vt.getInitializer() == null) {
            return false;
        }
        TreePath scope = var.getKind() == ElementKind.FIELD ? decl.getParentPath() : decl.getParentPath();
        if (!var.getModifiers().contains(Modifier.FINAL) && assignedIn(scope, var, trees)) {
            return false;
        }
        return constantArray(child(decl, vt.getInitializer()), depth + 1);
    }

    // ---------------------------------------------------------------- types

    private Trees treesOf(TreePath path) {
        ParsedUnit u = units.get(path.getCompilationUnit());
        return u == null ? null : u.trees();
    }

    /** The import-resolved qualified type of the expression at {@code path}, or "". */
    public String typeOf(TreePath path) {
        ParsedUnit u = units.get(path.getCompilationUnit());
        if (u == null) {
            return "";
        }
        TypeMirror t = u.trees().getTypeMirror(path);
        String name = TypeNames.qualified(t, u);
        if (name.isEmpty() && (path.getLeaf() instanceof IdentifierTree || path.getLeaf() instanceof MemberSelectTree)) {
            String written = path.getLeaf().toString();
            int dot = written.lastIndexOf('.');
            String last = dot < 0 ? written : written.substring(dot + 1);
            if (!last.isEmpty() && Character.isUpperCase(last.charAt(0))) {
                return TypeNames.resolveWritten(written, u);
            }
        }
        return name;
    }

    /** The unit a tree path belongs to, when it is part of this program. */
    public ParsedUnit unitOf(TreePath path) {
        return units.get(path.getCompilationUnit());
    }
}
