package dev.vigil.java.taint;

import com.sun.source.tree.*;
import com.sun.source.util.TreePath;
import dev.vigil.core.finding.Location;
import dev.vigil.core.models.ModelRow;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.Enclosing;
import dev.vigil.java.frontend.ParsedUnit;
import dev.vigil.java.frontend.TypeNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Abstract interpretation of one method body in one context: walks the syntax tree statement by
 * statement, keeping an {@link Env} of abstract {@link Value}s, folding constants and pruning branches
 * that cannot run, refining values on guards (allow-lists, regex checks, canonical-path prefix checks),
 * applying models at library calls and summaries at project calls, and reporting tainted data that
 * reaches a sink.
 */
final class MethodAnalyzer {

    /** Thrown when a method's analysis exceeds its budget; the partial summary is kept. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private static final Set<String> SAFE_TYPES = Set.of(
            "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double",
            "java.lang.Float", "java.lang.Boolean", "java.lang.Character", "java.lang.Number",
            "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID", "java.util.Date",
            "java.time.LocalDate", "java.time.LocalDateTime", "java.time.Instant", "java.time.Duration",
            "java.time.ZonedDateTime", "java.time.OffsetDateTime", "java.time.LocalTime",
            "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");

    /** Unresolved calls with these names return facts about their input, not the input. */
    private static final java.util.regex.Pattern PREDICATE =
            java.util.regex.Pattern.compile("(is|has|can|should|contains|equals|matches|exists|check|validate|size|length|count|hashCode|compare)[A-Z]?.*");

    /** Rounds of a loop body before its state is taken as stable: taint needs at most a few to spread. */
    private static final int MAX_LOOP_ROUNDS = 3;

    private final TaintEngine engine;
    private final ProgramIndex.MethodInfo method;
    private final ParsedUnit unit;
    private final List<Object> ctx;
    private final boolean entry;
    private final Summary summary;
    private final String member;
    private final String ownerClass;
    private int budget = TaintEngine.METHOD_BUDGET;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private final ArrayDeque<Value[]> returnTargets = new ArrayDeque<>();
    private final Map<VariableElement, Integer> paramIndex = new HashMap<>();
    private int closureDepth;

    /** Where break, continue and yield go. */
    private static final class Frame {
        final String label;
        final boolean loop;
        final List<Env> breaks = new ArrayList<>();
        final List<Env> continues = new ArrayList<>();
        Value yielded;

        Frame(String label, boolean loop) {
            this.label = label;
            this.loop = loop;
        }
    }

    /** The two states after a condition: where it held and where it did not. */
    private record Branches(Env then, Env otherwise) {
    }

    MethodAnalyzer(TaintEngine engine, ProgramIndex.MethodInfo method, List<Object> ctx, boolean entry, Summary summary) {
        this.engine = engine;
        this.method = method;
        this.unit = method.unit();
        this.ctx = ctx;
        this.entry = entry;
        this.summary = summary;
        this.member = Enclosing.memberName(method.path());
        this.ownerClass = method.owner();
    }

    /** Evaluates a static field's initializer in an empty state (no parameters, no receiver). */
    static Value evaluateInitializer(TaintEngine engine, ParsedUnit unit, TreePath init, String owner) {
        ProgramIndex.MethodInfo pseudo = new ProgramIndex.MethodInfo(owner + "#<clinit>", owner, "<clinit>", 0, unit,
                init, null, true, false);
        MethodAnalyzer a = new MethodAnalyzer(engine, pseudo, List.of(), false, new Summary());
        try {
            return a.eval(init, new Env());
        } catch (BudgetExceeded e) {
            return Value.UNKNOWN;
        }
    }

    void run() {
        Env env = new Env();
        Env captured = engine.capturedEnvs.get(ownerClass);
        if (captured != null) {
            env.setTo(captured);
        }
        MethodTree tree = method.tree();
        if (!method.isStatic()) {
            env.put(Env.THIS, Value.tainted(Taint.of(new TaintFlow(new Origin.Param(-1, ""), null, Set.of())))
                    .withType(ownerClass, false));
        }
        List<? extends VariableTree> params = tree.getParameters();
        for (int i = 0; i < params.size(); i++) {
            TreePath pp = new TreePath(method.path(), params.get(i));
            Element e = unit.trees().getElement(pp);
            if (!(e instanceof VariableElement ve)) {
                continue;
            }
            paramIndex.put(ve, i);
            Object constant = i < ctx.size() ? ctx.get(i) : null;
            Value v;
            if (constant != null) {
                v = Value.constant(constant);
            } else {
                Taint t = Taint.of(new TaintFlow(new Origin.Param(i, ""), null, Set.of()));
                if (entry) {
                    Origin.Source src = ParameterSources.sourceOf(engine, method, i, pp);
                    if (src != null && engine.kindEnabled(src.kind())) {
                        Taint sourced = Taint.of(new TaintFlow(src,
                                Step.then(null, src.location(), "source: " + src.label()), Set.of()));
                        Set<String> validated = ParameterSources.validatedFor(method, (VariableTree) pp.getLeaf());
                        t = t.union(validated.isEmpty() ? sourced : sourced.sanitize(validated));
                    }
                }
                v = Value.tainted(t).withType(typeName(pp), false);
            }
            env.put(ve, v);
        }
        if (tree.getBody() != null) {
            exec(new TreePath(method.path(), tree.getBody()), env);
        }
    }

    // ---------------------------------------------------------------- statements

    private void exec(TreePath p, Env env) {
        if (env.isDead()) {
            return;
        }
        spend();
        Tree t = p.getLeaf();
        switch (t) {
            case BlockTree b -> {
                for (StatementTree s : b.getStatements()) {
                    if (env.isDead()) {
                        break;
                    }
                    exec(new TreePath(p, s), env);
                }
            }
            case VariableTree v -> {
                if (v.getInitializer() != null) {
                    Value val = eval(new TreePath(p, v.getInitializer()), env);
                    Element e = unit.trees().getElement(p);
                    if (e != null) {
                        env.put(e, cleanForType(p, val));
                    }
                }
            }
            case ExpressionStatementTree es -> eval(new TreePath(p, es.getExpression()), env);
            case IfTree i -> {
                Branches b = split(new TreePath(p, i.getCondition()), env);
                exec(new TreePath(p, i.getThenStatement()), b.then());
                if (i.getElseStatement() != null) {
                    exec(new TreePath(p, i.getElseStatement()), b.otherwise());
                }
                Env out = b.then();
                out.joinWith(b.otherwise());
                env.setTo(out);
            }
            case WhileLoopTree w -> loop(p, env, w.getCondition(), w.getStatement(), List.of(), false);
            case DoWhileLoopTree d -> loop(p, env, d.getCondition(), d.getStatement(), List.of(), true);
            case ForLoopTree f -> {
                for (StatementTree init : f.getInitializer()) {
                    exec(new TreePath(p, init), env);
                }
                loop(p, env, f.getCondition(), f.getStatement(), f.getUpdate(), false);
            }
            case EnhancedForLoopTree f -> forEach(p, f, env);
            case SwitchTree s -> switchStatement(p, s.getExpression(), s.getCases(), env, null);
            case ReturnTree r -> {
                Value v = r.getExpression() == null ? Value.UNKNOWN : eval(new TreePath(p, r.getExpression()), env);
                if (!returnTargets.isEmpty()) {
                    Value[] target = returnTargets.peek();
                    target[0] = target[0] == null ? v : Value.join(target[0], v);
                } else {
                    summary.addReturn(cleanForType(p, v));
                    if (r.getExpression() != null && v.isTainted()) {
                        handlerResponse(new TreePath(p, r.getExpression()), v);
                    }
                }
                env.kill();
            }
            case ThrowTree th -> {
                eval(new TreePath(p, th.getExpression()), env);
                env.kill();
            }
            case TryTree tr -> tryStatement(p, tr, env);
            case BreakTree br -> {
                Frame f = target(br.getLabel() == null ? null : br.getLabel().toString(), false);
                if (f != null) {
                    f.breaks.add(env.copy());
                }
                env.kill();
            }
            case ContinueTree c -> {
                Frame f = target(c.getLabel() == null ? null : c.getLabel().toString(), true);
                if (f != null) {
                    f.continues.add(env.copy());
                }
                env.kill();
            }
            case YieldTree y -> {
                Value v = eval(new TreePath(p, y.getValue()), env);
                for (Frame f : frames) {
                    if (!f.loop) {
                        f.yielded = f.yielded == null ? v : Value.join(f.yielded, v);
                        f.breaks.add(env.copy());
                        break;
                    }
                }
                env.kill();
            }
            case LabeledStatementTree l -> {
                StatementTree inner = l.getStatement();
                if (inner instanceof WhileLoopTree || inner instanceof DoWhileLoopTree || inner instanceof ForLoopTree
                        || inner instanceof EnhancedForLoopTree) {
                    pendingLabel = l.getLabel().toString();
                }
                exec(new TreePath(p, inner), env);
            }
            case SynchronizedTree s -> {
                eval(new TreePath(p, s.getExpression()), env);
                exec(new TreePath(p, s.getBlock()), env);
            }
            case AssertTree a -> eval(new TreePath(p, a.getCondition()), env);
            default -> {
                // Local class declarations, empty statements: nothing flows.
            }
        }
    }

    private String pendingLabel;

    private Frame target(String label, boolean loopOnly) {
        for (Frame f : frames) {
            if (label != null ? label.equals(f.label) : (f.loop || !loopOnly)) {
                return f;
            }
        }
        return null;
    }

    private void loop(TreePath p, Env env, ExpressionTree cond, StatementTree body,
                      List<? extends ExpressionStatementTree> update, boolean doWhile) {
        Frame frame = new Frame(pendingLabel, true);
        pendingLabel = null;
        frames.push(frame);
        try {
            Env head = env.copy();
            Env exit = Env.deadEnv();
            for (int iteration = 0; iteration < MAX_LOOP_ROUNDS; iteration++) {
                Env bodyEnv;
                Env notTaken;
                if (doWhile && iteration == 0) {
                    bodyEnv = head.copy();
                    notTaken = Env.deadEnv();
                } else if (cond == null) {
                    bodyEnv = head.copy();
                    notTaken = Env.deadEnv();
                } else {
                    Branches b = split(new TreePath(p, cond), head.copy());
                    bodyEnv = b.then();
                    notTaken = b.otherwise();
                }
                exit = notTaken;
                frame.continues.clear();
                exec(new TreePath(p, body), bodyEnv);
                for (Env c : frame.continues) {
                    bodyEnv.joinWith(c);
                }
                for (ExpressionStatementTree u : update) {
                    exec(new TreePath(p, u), bodyEnv);
                }
                Env next = head.copy();
                next.joinWith(bodyEnv);
                if (next.sameAs(head) && !(doWhile && iteration == 0)) {
                    break;
                }
                head = next;
                if (iteration == MAX_LOOP_ROUNDS - 1 && cond != null) {
                    exit = split(new TreePath(p, cond), head.copy()).otherwise();
                }
            }
            for (Env b : frame.breaks) {
                exit.joinWith(b);
            }
            env.setTo(exit);
        } finally {
            frames.pop();
        }
    }

    private void forEach(TreePath p, EnhancedForLoopTree f, Env env) {
        Value collection = eval(new TreePath(p, f.getExpression()), env);
        Value element = elementOf(collection, location(f.getExpression()));
        TreePath varPath = new TreePath(p, f.getVariable());
        Element var = unit.trees().getElement(varPath);
        Frame frame = new Frame(pendingLabel, true);
        pendingLabel = null;
        frames.push(frame);
        try {
            Env head = env.copy();
            for (int iteration = 0; iteration < MAX_LOOP_ROUNDS; iteration++) {
                Env bodyEnv = head.copy();
                if (var != null) {
                    bodyEnv.put(var, cleanForType(varPath, element));
                }
                exec(new TreePath(p, f.getStatement()), bodyEnv);
                for (Env c : frame.continues) {
                    bodyEnv.joinWith(c);
                }
                frame.continues.clear();
                Env next = head.copy();
                next.joinWith(bodyEnv);
                if (next.sameAs(head)) {
                    break;
                }
                head = next;
            }
            for (Env b : frame.breaks) {
                head.joinWith(b);
            }
            env.setTo(head);
        } finally {
            frames.pop();
        }
    }

    /** Switch statements and expressions; returns the yielded value for expressions. */
    /**
     * The constants of a case's labels, or empty when one is not a constant; an enum constant label stands
     * for two placeholder values (the selector is then known clean, not known equal to a constant).
     */
    private List<Object> caseConstants(TreePath p, CaseTree c, Env env) {
        List<Object> out = new ArrayList<>();
        for (ExpressionTree label : c.getExpressions()) {
            Object k = eval(new TreePath(new TreePath(p, c), label), env.copy()).constant();
            if (k == null && label instanceof IdentifierTree) {
                // An enum constant: the selector is clean, though not a constant this analysis represents.
                out.add(new Object());
                out.add(new Object());
                continue;
            }
            if (k == null || k == Value.NULL) {
                return List.of();
            }
            out.add(k);
        }
        return out;
    }

    private Value switchStatement(TreePath p, ExpressionTree selector, List<? extends CaseTree> cases, Env env,
                                  Object unusedMarker) {
        Value sel = eval(new TreePath(p, selector), env);
        Frame frame = new Frame(null, false);
        frames.push(frame);
        Value result = null;
        try {
            int start = -1;
            if (sel.isConstant()) {
                int defaultIndex = -1;
                for (int i = 0; i < cases.size() && start < 0; i++) {
                    CaseTree c = cases.get(i);
                    if (isDefault(c)) {
                        defaultIndex = i;
                    }
                    if (c.getGuard() != null) {
                        start = -2;
                        break;
                    }
                    for (ExpressionTree label : c.getExpressions()) {
                        Value lv = eval(new TreePath(new TreePath(p, c), label), env.copy());
                        Object caseConstant = lv.constant();
                        if (caseConstant == null && label instanceof IdentifierTree id) {
                            caseConstant = id.getName().toString(); // enum constant
                            if (sel.constant() instanceof String s && !s.equals(caseConstant)) {
                                caseConstant = "#no-match#";
                            }
                        }
                        if (constantsEqual(sel.constant(), caseConstant)) {
                            start = i;
                            break;
                        }
                    }
                }
                if (start == -1) {
                    start = defaultIndex;
                    if (start < 0) {
                        return Value.UNKNOWN; // no case runs
                    }
                }
            }
            if (start >= 0) {
                Env e = env.copy();
                for (int i = start; i < cases.size() && !e.isDead(); i++) {
                    CaseTree c = cases.get(i);
                    Value v = runCase(new TreePath(p, c), c, e);
                    if (v != null) {
                        result = result == null ? v : Value.join(result, v);
                    }
                    if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                        break;
                    }
                }
                Env out = e;
                for (Env b : frame.breaks) {
                    out.joinWith(b);
                }
                env.setTo(out);
            } else {
                Env out = Env.deadEnv();
                Env fall = Env.deadEnv();
                boolean hasDefault = false;
                for (CaseTree c : cases) {
                    hasDefault |= isDefault(c);
                    // Reached by matching the labels (the selector then equals one of them) or by falling through.
                    Env matched = env.copy();
                    if (!isDefault(c) && c.getGuard() == null) {
                        Guards.caseLabels(this, new TreePath(p, selector), caseConstants(p, c, env), matched);
                    } else if (isDefault(c) && c.getExpressions().isEmpty()) {
                        // default: the selector is none of the other cases' constants.
                        Set<Character> excluded = new HashSet<>();
                        boolean all = true;
                        for (CaseTree other : cases) {
                            if (other == c) {
                                continue;
                            }
                            if (other.getGuard() != null) {
                                all = false;
                            }
                            for (Object k : caseConstants(p, other, env)) {
                                if (k instanceof Character ch) {
                                    excluded.add(ch);
                                } else {
                                    all = false;
                                }
                            }
                        }
                        if (all && !excluded.isEmpty()) {
                            Guards.excludeChars(this, new TreePath(p, selector), excluded, matched);
                        }
                    }
                    Env e = matched;
                    if (!fall.isDead()) {
                        e = fall.copy();
                        e.joinWith(matched);
                    }
                    Value v = runCase(new TreePath(p, c), c, e);
                    if (v != null) {
                        result = result == null ? v : Value.join(result, v);
                    }
                    if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                        out.joinWith(e);
                        fall = Env.deadEnv();
                    } else {
                        fall = e;
                    }
                }
                out.joinWith(fall);
                for (Env b : frame.breaks) {
                    out.joinWith(b);
                }
                if (!hasDefault) {
                    out.joinWith(env);
                }
                env.setTo(out);
            }
        } finally {
            frames.pop();
        }
        if (frame.yielded != null) {
            result = result == null ? frame.yielded : Value.join(result, frame.yielded);
        }
        return result == null ? Value.UNKNOWN : result;
    }

    private static boolean isDefault(CaseTree c) {
        for (CaseLabelTree l : c.getLabels()) {
            if (l.getKind() == Tree.Kind.DEFAULT_CASE_LABEL) {
                return true;
            }
        }
        return false;
    }

    private static boolean constantsEqual(Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Character c && b instanceof Integer i) {
            return c == i.intValue();
        }
        if (a instanceof Integer i && b instanceof Character c) {
            return c == i.intValue();
        }
        return a.equals(b);
    }

    /** Runs one case body; for rule cases with an expression body, returns its value. */
    private Value runCase(TreePath p, CaseTree c, Env e) {
        if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
            Tree body = c.getBody();
            if (body instanceof ExpressionTree ex) {
                Value v = eval(new TreePath(p, ex), e);
                return v;
            }
            if (body != null) {
                exec(new TreePath(p, body), e);
            }
            return null;
        }
        if (c.getStatements() != null) {
            for (StatementTree s : c.getStatements()) {
                if (e.isDead()) {
                    break;
                }
                exec(new TreePath(p, s), e);
            }
        }
        return null;
    }

    private void tryStatement(TreePath p, TryTree tr, Env env) {
        for (Tree r : tr.getResources()) {
            if (r instanceof VariableTree) {
                exec(new TreePath(p, r), env);
            } else if (r instanceof ExpressionTree ex) {
                eval(new TreePath(p, ex), env);
            }
        }
        Env start = env.copy();
        exec(new TreePath(p, tr.getBlock()), env);
        Env out = env.copy();
        for (CatchTree c : tr.getCatches()) {
            Env ce = start.copy();
            ce.joinWith(env);
            if (ce.isDead()) {
                ce = start.copy();
            }
            exec(new TreePath(new TreePath(p, c), c.getBlock()), ce);
            out.joinWith(ce);
        }
        if (tr.getFinallyBlock() != null) {
            Env fin = out.isDead() ? start.copy() : out;
            boolean wasDead = out.isDead();
            if (wasDead) {
                exec(new TreePath(p, tr.getFinallyBlock()), fin);
                env.setTo(Env.deadEnv());
                return;
            }
            exec(new TreePath(p, tr.getFinallyBlock()), fin);
            out = fin;
        }
        env.setTo(out);
    }

    // ---------------------------------------------------------------- conditions

    private Branches split(TreePath p, Env env) {
        Tree t = p.getLeaf();
        if (t instanceof ParenthesizedTree par) {
            return split(new TreePath(p, par.getExpression()), env);
        }
        if (t instanceof UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
            Branches b = split(new TreePath(p, u.getExpression()), env);
            return new Branches(b.otherwise(), b.then());
        }
        if (t instanceof BinaryTree b && b.getKind() == Tree.Kind.CONDITIONAL_AND) {
            Branches left = split(new TreePath(p, b.getLeftOperand()), env);
            Branches right = split(new TreePath(p, b.getRightOperand()), left.then());
            Env otherwise = left.otherwise();
            otherwise.joinWith(right.otherwise());
            return new Branches(right.then(), otherwise);
        }
        if (t instanceof BinaryTree b && b.getKind() == Tree.Kind.CONDITIONAL_OR) {
            Branches left = split(new TreePath(p, b.getLeftOperand()), env);
            Branches right = split(new TreePath(p, b.getRightOperand()), left.otherwise());
            Env then = left.then();
            then.joinWith(right.then());
            return new Branches(then, right.otherwise());
        }
        if (env.isDead()) {
            return new Branches(Env.deadEnv(), Env.deadEnv());
        }
        Value v = eval(p, env);
        if (v.constant() instanceof Boolean bool) {
            return bool ? new Branches(env, Env.deadEnv()) : new Branches(Env.deadEnv(), env);
        }
        Env then = env.copy();
        Env otherwise = env.copy();
        Guards.refine(this, p, then, otherwise);
        return new Branches(then, otherwise);
    }

    // ---------------------------------------------------------------- expressions

    Value eval(TreePath p, Env env) {
        if (env.isDead()) {
            return Value.UNKNOWN;
        }
        spend();
        Value v = evalRaw(p, env);
        return v == null ? Value.UNKNOWN : v;
    }

    private void spend() {
        if (--budget < 0) {
            throw new BudgetExceeded();
        }
    }

    private Value evalRaw(TreePath p, Env env) {
        Tree t = p.getLeaf();
        return switch (t) {
            case LiteralTree l -> Value.constant(l.getValue() == null ? Value.NULL : l.getValue());
            case ParenthesizedTree par -> eval(new TreePath(p, par.getExpression()), env);
            case IdentifierTree id -> cleanForType(p, identifier(p, id, env));
            case MemberSelectTree ms -> cleanForType(p, memberSelect(p, ms, env));
            case AssignmentTree a -> {
                Value v = eval(new TreePath(p, a.getExpression()), env);
                v = cleanForType(new TreePath(p, a.getVariable()), v);
                assign(new TreePath(p, a.getVariable()), v, env, location(a));
                yield v;
            }
            case CompoundAssignmentTree ca -> {
                TreePath target = new TreePath(p, ca.getVariable());
                Value old = eval(target, env);
                Value rhs = eval(new TreePath(p, ca.getExpression()), env);
                Value v = cleanForType(target, binary(kindOf(ca.getKind()), old, rhs, p));
                assign(target, v, env, location(ca));
                yield v;
            }
            case UnaryTree u -> unary(p, u, env);
            case BinaryTree b -> {
                Value l = eval(new TreePath(p, b.getLeftOperand()), env);
                if (b.getKind() == Tree.Kind.CONDITIONAL_AND && Boolean.FALSE.equals(l.constant())) {
                    yield Value.constant(false);
                }
                if (b.getKind() == Tree.Kind.CONDITIONAL_OR && Boolean.TRUE.equals(l.constant())) {
                    yield Value.constant(true);
                }
                Value r = eval(new TreePath(p, b.getRightOperand()), env);
                yield binary(b.getKind(), l, r, p);
            }
            case ConditionalExpressionTree c -> {
                Branches br = split(new TreePath(p, c.getCondition()), env);
                Value a = br.then().isDead() ? null : eval(new TreePath(p, c.getTrueExpression()), br.then());
                Value b = br.otherwise().isDead() ? null : eval(new TreePath(p, c.getFalseExpression()), br.otherwise());
                Env out = br.then();
                out.joinWith(br.otherwise());
                env.setTo(out);
                yield a == null ? (b == null ? Value.UNKNOWN : b) : b == null ? a : Value.join(a, b);
            }
            case MethodInvocationTree call -> cleanForType(p, call(p, call, env));
            case NewClassTree nc -> newObject(p, nc, env);
            case NewArrayTree na -> {
                Value arr = Value.UNKNOWN;
                if (na.getDimensions() != null) {
                    for (ExpressionTree d : na.getDimensions()) {
                        eval(new TreePath(p, d), env);
                    }
                }
                if (na.getInitializers() != null) {
                    Map<String, Value> fields = new HashMap<>();
                    int i = 0;
                    for (ExpressionTree init : na.getInitializers()) {
                        fields.put("[" + i++ + "]", eval(new TreePath(p, init), env));
                    }
                    arr = arr.withFields(fields);
                }
                yield arr;
            }
            case ArrayAccessTree aa -> {
                Value arr = eval(new TreePath(p, aa.getExpression()), env);
                Value idx = eval(new TreePath(p, aa.getIndex()), env);
                yield cleanForType(p, element(arr, idx));
            }
            case TypeCastTree tc -> cleanForType(p, eval(new TreePath(p, tc.getExpression()), env));
            case InstanceOfTree io -> {
                Value v = eval(new TreePath(p, io.getExpression()), env);
                Tree pattern = io.getPattern();
                if (pattern instanceof BindingPatternTree bp) {
                    Element var = unit.trees().getElement(new TreePath(new TreePath(p, bp), bp.getVariable()));
                    if (var != null) {
                        env.put(var, v);
                    }
                }
                yield Value.UNKNOWN;
            }
            case LambdaExpressionTree lambda -> Value.UNKNOWN.withClosure(new Closure(p, unit, env.copy(), null));
            case MemberReferenceTree ref -> {
                Value receiver = null;
                Element q = unit.trees().getElement(new TreePath(p, ref.getQualifierExpression()));
                if (!(q instanceof TypeElement)) {
                    receiver = eval(new TreePath(p, ref.getQualifierExpression()), env);
                }
                yield Value.UNKNOWN.withClosure(new Closure(p, unit, env.copy(), receiver));
            }
            case SwitchExpressionTree sw -> switchStatement(p, sw.getExpression(), sw.getCases(), env, null);
            default -> Value.UNKNOWN;
        };
    }

    private Value identifier(TreePath p, IdentifierTree id, Env env) {
        String name = id.getName().toString();
        if (name.equals("this")) {
            Value v = env.get(Env.THIS);
            return v == null ? Value.UNKNOWN : v;
        }
        Element e = unit.trees().getElement(p);
        if (e instanceof VariableElement ve) {
            Object constant = ve.getConstantValue();
            if (constant != null) {
                return Value.constant(constant);
            }
            if (ve.getKind().isField()) {
                return ve.getModifiers().contains(Modifier.STATIC) ? readStatic(ve) : readThisField(ve, env);
            }
            Value v = env.get(ve);
            return v == null ? Value.UNKNOWN : v;
        }
        return Value.UNKNOWN;
    }

    private Value memberSelect(TreePath p, MemberSelectTree ms, Env env) {
        Element e = unit.trees().getElement(p);
        String name = ms.getIdentifier().toString();
        TreePath base = new TreePath(p, ms.getExpression());
        if (name.equals("length") && unit.trees().getTypeMirror(base) != null
                && unit.trees().getTypeMirror(base).getKind() == TypeKind.ARRAY) {
            eval(base, env);
            return Value.UNKNOWN;
        }
        if (e instanceof VariableElement ve && ve.getKind().isField()) {
            Object constant = ve.getConstantValue();
            if (constant != null) {
                return Value.constant(constant);
            }
            if (ve.getModifiers().contains(Modifier.STATIC)) {
                return readStatic(ve);
            }
            if (ms.getExpression() instanceof IdentifierTree id && id.getName().contentEquals("this")) {
                return readThisField(ve, env);
            }
            Value b = eval(base, env);
            Object fc = engine.index.fieldConstant(ve);
            return fc != null ? Value.constant(fc) : fieldOf(b, name);
        }
        if (e instanceof TypeElement || e instanceof javax.lang.model.element.PackageElement) {
            return Value.UNKNOWN;
        }
        if (name.equals("length") || name.equals("class")) {
            eval(base, env);
            return Value.UNKNOWN;
        }
        Element be = unit.trees().getElement(base);
        if (be instanceof TypeElement || be instanceof javax.lang.model.element.PackageElement) {
            return Value.UNKNOWN;
        }
        return fieldOf(eval(base, env), name);
    }

    private Value readStatic(VariableElement field) {
        Object fc = engine.index.fieldConstant(field);
        if (fc != null) {
            return Value.constant(fc);
        }
        Value v = engine.staticFields.get(fieldKey(field));
        if (v == null) {
            v = engine.staticInitializer(field, fieldKey(field));
        }
        return v == null ? Value.UNKNOWN : v;
    }

    /**
     * What a Spring handler returns goes to the client: HTML text is an XSS sink, and a
     * "redirect:" view name built from input is an open redirect.
     */
    private void handlerResponse(TreePath expr, Value v) {
        HandlerKind kind = handlerKind();
        if (kind == HandlerKind.NONE) {
            return;
        }
        Location loc = location(expr.getLeaf());
        if (kind == HandlerKind.VIEW && v.type().isEmpty() || kind == HandlerKind.VIEW && v.type().equals("java.lang.String")) {
            // A view name from input: "redirect:" + x redirects anywhere; any other name chooses (and with
            // Thymeleaf preprocessing, evaluates) a template.
            String rule = v.tags().contains(REDIRECT_VIEW) ? "java/open-redirect" : "java/template-injection";
            for (TaintFlow f : v.taint().flows()) {
                sink(rule, f, loc, (rule.equals("java/open-redirect") ? "redirect view" : "view name")
                        + " returned by " + method.displayName(), member, expr);
            }
        }
        if (kind == HandlerKind.BODY && !producesNotHtml && (v.tags().contains(HTML_TEXT) || producesHtml)) {
            for (TaintFlow f : v.taint().flows()) {
                sink("java/xss", f, loc, "HTML response body returned by " + method.displayName(), member, expr);
            }
        }
    }

    static final String REDIRECT_VIEW = "redirect-view";
    static final String HTML_TEXT = "html-text";

    private enum HandlerKind { NONE, VIEW, BODY }

    private HandlerKind handlerKindCache;
    private boolean producesHtml;
    private boolean producesNotHtml;

    private static final java.util.regex.Pattern HTTP_ENTITY = java.util.regex.Pattern.compile(
            "(org\\.springframework\\.http\\.)?(ResponseEntity|HttpEntity)(<.*)?");
    private static final java.util.Set<String> JAXRS_METHODS = java.util.Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final java.util.regex.Pattern MEDIA_TYPE = java.util.regex.Pattern.compile(
            "\"([a-zA-Z*]+/[^\"]+)\"|\\b(APPLICATION_JSON|APPLICATION_JSON_UTF8|TEXT_PLAIN|TEXT_HTML|APPLICATION_XML|TEXT_XML"
            + "|APPLICATION_OCTET_STREAM|APPLICATION_PDF|TEXT_EVENT_STREAM|APPLICATION_NDJSON|WILDCARD)(?:_VALUE|_TYPE)?\\b");

    /**
     * The media types a handler declares it produces (Spring's produces attribute, JAX-RS @Produces), from the
     * annotation's text; empty when none is declared.
     */
    private static List<String> declaredMediaTypes(AnnotationTree a, boolean jaxrs) {
        String text = a.toString();
        if (!jaxrs) {
            int at = text.indexOf("produces");
            if (at < 0) {
                return List.of();
            }
            text = text.substring(at);
            int end = text.indexOf(']') >= 0 && text.indexOf('{') >= 0 ? text.indexOf('}') : -1;
            int comma = text.indexOf(',', text.indexOf('=') + 1);
            if (end < 0 && comma >= 0) {
                text = text.substring(0, comma);
            } else if (end >= 0) {
                text = text.substring(0, end);
            }
        }
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = MEDIA_TYPE.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(m.group(1));
            } else {
                String c = m.group(2);
                out.add(switch (c) {
                    case "APPLICATION_JSON", "APPLICATION_JSON_UTF8" -> "application/json";
                    case "TEXT_PLAIN" -> "text/plain";
                    case "TEXT_HTML" -> "text/html";
                    case "APPLICATION_OCTET_STREAM" -> "application/octet-stream";
                    case "APPLICATION_PDF" -> "application/pdf";
                    case "TEXT_EVENT_STREAM" -> "text/event-stream";
                    case "APPLICATION_NDJSON" -> "application/x-ndjson";
                    case "WILDCARD" -> "*/*";
                    default -> "application/xml";
                });
            }
        }
        return out;
    }

    /** Records what the handler's (or else its class's) declared media types say about HTML. */
    private void declaredProduces(List<? extends AnnotationTree> methodAnnotations,
            List<? extends AnnotationTree> classAnnotations, boolean jaxrs) {
        for (List<? extends AnnotationTree> level : List.of(methodAnnotations, classAnnotations)) {
            List<String> types = new ArrayList<>();
            for (AnnotationTree a : level) {
                String name = a.getAnnotationType().toString();
                boolean relevant = jaxrs ? name.equals("Produces") || name.endsWith(".Produces")
                        : name.endsWith("Mapping");
                if (relevant) {
                    types.addAll(declaredMediaTypes(a, jaxrs));
                }
            }
            if (!types.isEmpty()) {
                producesHtml = types.stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("html"));
                producesNotHtml = types.stream().allMatch(ContentTypes::notRendered);
                return;
            }
        }
    }

    /** The erased declared return type of the analysed method, or "" when unknown. */
    private String declaredReturnType() {
        return method.element() == null ? ""
                : unit.task().getTypes().erasure(method.element().getReturnType()).toString();
    }

    private HandlerKind handlerKind() {
        if (handlerKindCache != null) {
            return handlerKindCache;
        }
        HandlerKind kind = HandlerKind.NONE;
        java.util.Set<String> methodAnnotations = ParameterSources.annotations(unit, method.tree().getModifiers());
        boolean mapped = methodAnnotations.stream().anyMatch(a -> a.startsWith("org.springframework.web.bind.annotation.")
                && a.endsWith("Mapping"));
        if (mapped) {
            ClassTree cls = null;
            for (TreePath x = method.path(); x != null; x = x.getParentPath()) {
                if (x.getLeaf() instanceof ClassTree c) {
                    cls = c;
                    break;
                }
            }
            java.util.Set<String> classAnnotations = cls == null ? java.util.Set.of()
                    : ParameterSources.annotations(unit, cls.getModifiers());
            boolean body = methodAnnotations.contains("org.springframework.web.bind.annotation.ResponseBody")
                    || classAnnotations.contains("org.springframework.web.bind.annotation.RestController")
                    || classAnnotations.contains("org.springframework.web.bind.annotation.ResponseBody");
            String returns = declaredReturnType();
            if (HTTP_ENTITY.matcher(returns).matches()) {
                body = true; // an HttpEntity is written as the response body, never resolved as a view
            }
            kind = body ? HandlerKind.BODY : HandlerKind.VIEW;
            declaredProduces(method.tree().getModifiers().getAnnotations(),
                    cls == null ? List.of() : cls.getModifiers().getAnnotations(), false);
        } else if (methodAnnotations.stream().anyMatch(a -> (a.startsWith("javax.ws.rs.") || a.startsWith("jakarta.ws.rs."))
                && JAXRS_METHODS.contains(a.substring(a.lastIndexOf('.') + 1)))) {
            // A JAX-RS resource method: what it returns is the response entity.
            ClassTree cls = null;
            for (TreePath x = method.path(); x != null; x = x.getParentPath()) {
                if (x.getLeaf() instanceof ClassTree c) {
                    cls = c;
                    break;
                }
            }
            kind = HandlerKind.BODY;
            declaredProduces(method.tree().getModifiers().getAnnotations(),
                    cls == null ? List.of() : cls.getModifiers().getAnnotations(), true);
        }
        handlerKindCache = kind;
        return kind;
    }

    private Value readThisField(VariableElement field, Env env) {
        Object fc = engine.index.fieldConstant(field);
        if (fc != null) {
            return Value.constant(fc);
        }
        Value self = env.get(Env.THIS);
        String name = field.getSimpleName().toString();
        Value v = self == null ? Value.UNKNOWN : fieldOf(self, name);
        if (self != null && self.fields().containsKey(name)) {
            return v;
        }
        Taint global = engine.instanceField(fieldKey(field));
        return global.isEmpty() ? v : v.withTaint(v.taint().union(global));
    }

    private String fieldKey(VariableElement field) {
        Element owner = field.getEnclosingElement();
        String ownerName = owner instanceof TypeElement te ? ProgramIndex.className(unit, te) : String.valueOf(owner);
        return ownerName + "#" + field.getSimpleName();
    }

    /** The value of field {@code name} of {@code base}: known, or derived from the base's own taint. */
    static Value fieldOf(Value base, String name) {
        Value known = base.fields().get(name);
        if (name.equals(Value.ELEMENTS)) {
            for (Map.Entry<String, Value> e : base.fields().entrySet()) {
                if (e.getKey().startsWith("[") || e.getKey().startsWith("{")) {
                    known = known == null ? e.getValue() : Value.join(known, e.getValue());
                }
            }
        }
        Taint derived = Taint.CLEAN;
        for (TaintFlow f : base.taint().flows()) {
            if (f.origin() instanceof Origin.Param param) {
                if (known == null) {
                    derived = derived.union(Taint.of(new TaintFlow(param.child(name), f.path(), f.sanitized())));
                }
            } else {
                derived = derived.union(Taint.of(f));
            }
        }
        if (known == null) {
            return derived.isEmpty() ? Value.UNKNOWN : Value.tainted(derived);
        }
        return derived.isEmpty() ? known : known.withTaint(known.taint().union(derived));
    }

    private Value element(Value array, Value index) {
        if (index.constant() instanceof Integer i) {
            Value slot = array.fields().get("[" + i + "]");
            Value any = array.fields().get(Value.ELEMENTS);
            Value v = slot == null ? any : any == null ? slot : Value.join(slot, any);
            if (v != null) {
                return array.isTainted() ? v.withTaint(v.taint().union(array.taint())) : v;
            }
            if (!array.fields().isEmpty() && array.fields().keySet().stream().anyMatch(k -> k.startsWith("["))) {
                return array.isTainted() ? Value.tainted(array.taint()) : Value.UNKNOWN;
            }
        }
        return elementOf(array, null);
    }

    /** Any element of a container or array. */
    Value elementOf(Value container, Location where) {
        Value v = fieldOf(container, Value.ELEMENTS);
        return v;
    }

    private Value unary(TreePath p, UnaryTree u, Env env) {
        TreePath operand = new TreePath(p, u.getExpression());
        Value v = eval(operand, env);
        Object c = v.constant();
        switch (u.getKind()) {
            case LOGICAL_COMPLEMENT:
                return c instanceof Boolean b ? Value.constant(!b) : Value.UNKNOWN;
            case UNARY_MINUS:
                if (c instanceof Integer i) {
                    return Value.constant(-i);
                }
                if (c instanceof Long l) {
                    return Value.constant(-l);
                }
                if (c instanceof Double d) {
                    return Value.constant(-d);
                }
                return Value.UNKNOWN;
            case UNARY_PLUS:
                return v;
            case BITWISE_COMPLEMENT:
                return c instanceof Integer i ? Value.constant(~i) : c instanceof Long l ? Value.constant(~l) : Value.UNKNOWN;
            case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT: {
                int delta = u.getKind() == Tree.Kind.PREFIX_INCREMENT || u.getKind() == Tree.Kind.POSTFIX_INCREMENT ? 1 : -1;
                Value next = c instanceof Integer i ? Value.constant(i + delta)
                        : c instanceof Long l ? Value.constant(l + delta)
                        : c instanceof Character ch ? Value.constant((char) (ch + delta)) : Value.UNKNOWN;
                assign(operand, next, env, location(u));
                boolean prefix = u.getKind() == Tree.Kind.PREFIX_INCREMENT || u.getKind() == Tree.Kind.PREFIX_DECREMENT;
                return prefix ? next : (c == null ? Value.UNKNOWN : v);
            }
            default:
                return Value.UNKNOWN;
        }
    }

    private static Tree.Kind kindOf(Tree.Kind compound) {
        return switch (compound) {
            case PLUS_ASSIGNMENT -> Tree.Kind.PLUS;
            case MINUS_ASSIGNMENT -> Tree.Kind.MINUS;
            case MULTIPLY_ASSIGNMENT -> Tree.Kind.MULTIPLY;
            case DIVIDE_ASSIGNMENT -> Tree.Kind.DIVIDE;
            case REMAINDER_ASSIGNMENT -> Tree.Kind.REMAINDER;
            case AND_ASSIGNMENT -> Tree.Kind.AND;
            case OR_ASSIGNMENT -> Tree.Kind.OR;
            case XOR_ASSIGNMENT -> Tree.Kind.XOR;
            case LEFT_SHIFT_ASSIGNMENT -> Tree.Kind.LEFT_SHIFT;
            case RIGHT_SHIFT_ASSIGNMENT -> Tree.Kind.RIGHT_SHIFT;
            default -> Tree.Kind.UNSIGNED_RIGHT_SHIFT;
        };
    }

    private Value binary(Tree.Kind kind, Value l, Value r, TreePath p) {
        Object a = l.constant();
        Object b = r.constant();
        boolean numeric = a != null && b != null && !(a instanceof String) && !(b instanceof String);
        if (kind == Tree.Kind.PLUS && !numeric && (a instanceof String || b instanceof String || isStringType(p)
                || l.isTainted() || r.isTainted())) {
            // With attribution incomplete the type may be unknown; tainted operands only survive on text.
            Taint t = l.taint().union(r.taint());
            if (a != null && b != null && t.isEmpty()) {
                return Value.constant(text(a) + text(b));
            }
            if (!t.isEmpty()) {
                t = t.step(location(p.getLeaf()), "concatenated into a string");
                if (a instanceof String prefix) {
                    t = t.sanitize(UrlPrefixes.safeFor(prefix));
                }
            }
            Value out = Value.tainted(t);
            if (a instanceof String prefix && prefix.startsWith("redirect:") || l.tags().contains(REDIRECT_VIEW)) {
                out = out.withTag(REDIRECT_VIEW);
            }
            if (looksLikeHtml(a) || looksLikeHtml(b) || l.tags().contains(HTML_TEXT) || r.tags().contains(HTML_TEXT)) {
                out = out.withTag(HTML_TEXT);
            }
            return out;
        }
        Object folded = dev.vigil.java.constants.Operators.fold(kind, a, b, Value.NULL);
        if (folded != null) {
            return Value.constant(folded);
        }
        if (kind == Tree.Kind.EQUAL_TO || kind == Tree.Kind.NOT_EQUAL_TO || kind == Tree.Kind.LESS_THAN
                || kind == Tree.Kind.GREATER_THAN || kind == Tree.Kind.LESS_THAN_EQUAL
                || kind == Tree.Kind.GREATER_THAN_EQUAL || kind == Tree.Kind.CONDITIONAL_AND
                || kind == Tree.Kind.CONDITIONAL_OR) {
            return Value.UNKNOWN;
        }
        // Arithmetic on numbers carries no injectable text.
        return Value.UNKNOWN;
    }

    private static boolean looksLikeHtml(Object constant) {
        return constant instanceof String s && s.indexOf('<') >= 0 && s.indexOf('>') > s.indexOf('<');
    }

    private static String text(Object c) {
        return c == Value.NULL ? "null" : String.valueOf(c);
    }

    private boolean isStringType(TreePath p) {
        TypeMirror t = unit.trees().getTypeMirror(p);
        return t != null && t.toString().equals("java.lang.String");
    }

    /** Values of primitive, numeric, boolean, enum, UUID and date types carry no injectable text. */
    Value cleanForType(TreePath p, Value v) {
        if (!v.isTainted()) {
            return v;
        }
        TypeMirror t = unit.trees().getTypeMirror(p);
        if (t == null) {
            return v;
        }
        if (t.getKind().isPrimitive() && t.getKind() != TypeKind.CHAR) {
            return v.withTaint(Taint.CLEAN); // a char is one character of its text, and may be any of them
        }
        if (t.getKind() == TypeKind.DECLARED) {
            Element e = unit.task().getTypes().asElement(t);
            if (e instanceof TypeElement te) {
                if (te.getKind() == ElementKind.ENUM || SAFE_TYPES.contains(te.getQualifiedName().toString())) {
                    return v.withTaint(Taint.CLEAN).withFields(Map.of());
                }
            }
        }
        return v;
    }

    // ---------------------------------------------------------------- assignment

    /** Writes {@code v} to the variable, field or array slot denoted by {@code target}. */
    void assign(TreePath target, Value v, Env env, Location where) {
        Tree t = target.getLeaf();
        if (t instanceof ParenthesizedTree par) {
            assign(new TreePath(target, par.getExpression()), v, env, where);
            return;
        }
        Element e = unit.trees().getElement(target);
        if (t instanceof IdentifierTree) {
            if (e instanceof VariableElement ve && ve.getKind().isField()) {
                writeField(ve, null, v, env, where);
            } else if (e != null) {
                env.put(e, v);
                Integer pi = paramIndex.get(e);
                if (pi != null) {
                    // Reassigning a parameter does not change the caller's variable.
                    paramIndex.remove(e);
                }
            }
            return;
        }
        if (t instanceof MemberSelectTree ms) {
            TreePath base = new TreePath(target, ms.getExpression());
            if (e instanceof VariableElement ve && ve.getKind().isField()) {
                writeField(ve, base, v, env, where);
            } else {
                updateFields(base, ms.getIdentifier().toString(), v, env);
            }
            return;
        }
        if (t instanceof ArrayAccessTree aa) {
            TreePath arrayPath = new TreePath(target, aa.getExpression());
            Value idx = eval(new TreePath(target, aa.getIndex()), env);
            String slot = idx.constant() instanceof Integer i ? "[" + i + "]" : Value.ELEMENTS;
            updateFields(arrayPath, slot, v, env);
        }
    }

    private void writeField(VariableElement field, TreePath base, Value v, Env env, Location where) {
        String name = field.getSimpleName().toString();
        if (field.getModifiers().contains(Modifier.STATIC)) {
            engine.writeStatic(fieldKey(field), v.withTaint(v.taint().step(where, "stored in static field " + name)));
            return;
        }
        boolean onThis = base == null || base.getLeaf() instanceof IdentifierTree id && id.getName().contentEquals("this");
        Value stored = v.withTaint(v.taint().step(where, "stored in field " + name));
        if (onThis) {
            Value self = env.get(Env.THIS);
            if (self != null) {
                env.put(Env.THIS, self.withField(name, stored));
            }
            summary.writeThis(name, stored);
            engine.writeInstanceField(fieldKey(field), stored.taint());
        } else {
            updateFields(base, name, stored, env);
            engine.writeInstanceField(fieldKey(field), stored.taint());
        }
    }

    /** Sets field {@code name} of the object denoted by {@code base} (a local, a parameter or this.f). */
    private void updateFields(TreePath base, String name, Value v, Env env) {
        Tree b = base.getLeaf();
        if (b instanceof ParenthesizedTree par) {
            updateFields(new TreePath(base, par.getExpression()), name, v, env);
            return;
        }
        Element e = unit.trees().getElement(base);
        if (b instanceof IdentifierTree id && id.getName().contentEquals("this")) {
            Value self = env.get(Env.THIS);
            if (self != null) {
                env.put(Env.THIS, self.withField(name, v));
            }
            summary.writeThis(name, v);
            return;
        }
        if (b instanceof IdentifierTree && e instanceof VariableElement ve && !ve.getKind().isField()) {
            Value old = env.get(ve);
            Value updated = (old == null ? Value.UNKNOWN : old).withField(name, v);
            env.put(ve, updated);
            Integer pi = paramIndex.get(ve);
            if (pi != null) {
                summary.writeParam(pi, name, v);
            }
            return;
        }
        if (e instanceof VariableElement field && field.getKind().isField()) {
            // this.list.add(x) / list.add(x) with list a field: update the field's value.
            boolean onThis = b instanceof IdentifierTree
                    || b instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree id
                    && id.getName().contentEquals("this");
            String fname = field.getSimpleName().toString();
            if (field.getModifiers().contains(Modifier.STATIC)) {
                Value old = engine.staticFields.getOrDefault(fieldKey(field), Value.UNKNOWN);
                engine.writeStatic(fieldKey(field), old.withField(name, v));
            } else if (onThis) {
                Value self = env.get(Env.THIS);
                if (self != null) {
                    Value old = fieldOf(self, fname);
                    Value updated = old.withField(name, v);
                    env.put(Env.THIS, self.withField(fname, updated));
                    summary.writeThis(fname, updated);
                }
                engine.writeInstanceField(fieldKey(field), v.deepTaint());
            } else {
                engine.writeInstanceField(fieldKey(field), v.deepTaint());
            }
        }
    }

    // ---------------------------------------------------------------- calls

    private Value call(TreePath p, MethodInvocationTree call, Env env) {
        ExpressionTree select = call.getMethodSelect();
        TreePath selectPath = new TreePath(p, select);
        TreePath receiverPath = null;
        Value receiver = null;
        boolean superCall = false;
        if (select instanceof MemberSelectTree ms) {
            receiverPath = new TreePath(selectPath, ms.getExpression());
            Element re = unit.trees().getElement(receiverPath);
            if (ms.getExpression() instanceof IdentifierTree id && id.getName().contentEquals("super")) {
                superCall = true;
                receiver = env.get(Env.THIS);
            } else if (!isTypeName(ms.getExpression(), re)) {
                receiver = eval(receiverPath, env);
            }
        } else if (select instanceof IdentifierTree id) {
            String name = id.getName().toString();
            if (name.equals("super") || name.equals("this")) {
                superCall = true;
            }
            receiver = env.get(Env.THIS);
        }
        List<Value> args = new ArrayList<>();
        for (ExpressionTree a : call.getArguments()) {
            args.add(eval(new TreePath(p, a), env));
        }
        CallTarget target = CallTarget.of(unit, p);
        Location loc = callLocation(call);
        List<ProgramIndex.MethodInfo> targets = projectTargets(target, receiver, superCall, select instanceof IdentifierTree);
        if (!targets.isEmpty()) {
            Value result = null;
            for (ProgramIndex.MethodInfo m : targets) {
                Value r = applyProject(m, receiver == null ? Value.UNKNOWN : receiver, args, loc, p, receiverPath,
                        select instanceof IdentifierTree, env);
                result = result == null ? r : Value.join(result, r);
            }
            return result;
        }
        MyBatis.check(this, target.method(), args, loc, p);
        return Library.call(this, p, target, receiver, receiverPath, args, loc, env);
    }

    /** Whether a call's qualifier names a type (a static call) rather than computing a receiver object. */
    private static boolean isTypeName(ExpressionTree qualifier, Element e) {
        if (!(qualifier instanceof IdentifierTree || qualifier instanceof MemberSelectTree)) {
            return false;
        }
        if (e instanceof TypeElement || e instanceof javax.lang.model.element.PackageElement) {
            return true;
        }
        return e == null && looksLikeTypeName(qualifier);
    }

    private static boolean looksLikeTypeName(ExpressionTree e) {
        String s = e.toString();
        String last = s.substring(s.lastIndexOf('.') + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) && !last.equals(last.toUpperCase());
    }

    /** The project methods a call may run: the resolved method and its overrides in project subclasses. */
    private List<ProgramIndex.MethodInfo> projectTargets(CallTarget target, Value receiver, boolean superCall,
                                                         boolean unqualified) {
        ExecutableElement ex = target.method();
        List<ProgramIndex.MethodInfo> out = new ArrayList<>();
        if (ex != null && ex.getEnclosingElement() instanceof TypeElement owner) {
            String ownerName = ProgramIndex.className(unit, owner);
            String key = ProgramIndex.key(unit, ownerName, ex);
            ProgramIndex.MethodInfo m = engine.index.method(key);
            String sig = key.substring(key.indexOf('#') + 1);
            boolean isStatic = ex.getModifiers().contains(Modifier.STATIC);
            boolean fixed = isStatic || superCall || ex.getKind() == ElementKind.CONSTRUCTOR
                    || ex.getModifiers().contains(Modifier.PRIVATE) || ex.getModifiers().contains(Modifier.FINAL);
            if (fixed) {
                if (m != null) {
                    out.add(m);
                }
                return out;
            }
            if (receiver != null && receiver.closure() != null && !superCall) {
                return out; // a lambda or method reference: the call runs it (see Library), not an implementation
            }
            if (receiver != null && receiver.exact() && engine.index.isProjectClass(receiver.type())) {
                ProgramIndex.MethodInfo r = engine.index.resolveIn(receiver.type(), target.name(), target.arity(), sig);
                if (r != null) {
                    out.add(r);
                }
                return out;
            }
            if (m != null) {
                out.add(m);
            }
            String from = ownerName;
            String staticType = target.receiverType();
            if (!staticType.isEmpty() && engine.index.isProjectClass(staticType)) {
                from = staticType;
                ProgramIndex.MethodInfo own = engine.index.resolveIn(staticType, target.name(), target.arity(), sig);
                if (own != null && !out.contains(own)) {
                    out.add(own);
                }
            }
            for (String sub : engine.index.subtypesOf(from)) {
                for (ProgramIndex.MethodInfo s : engine.index.byShape(sub, target.name(), target.arity())) {
                    if (!out.contains(s) && out.size() < 8) {
                        out.add(s);
                    }
                }
            }
            return out;
        }
        // Unresolved call: match by declaring type, name and arity.
        String owner = unqualified ? ownerClass : target.declaringType();
        if (owner.isEmpty() && receiver != null && engine.index.isProjectClass(receiver.type())) {
            // javac gave up on the receiver expression (an argument of an unresolved type up the chain), but
            // the analysis knows the project type of the value: b.label(request.getParameter("x")).build().
            owner = receiver.type();
        }
        if (owner.isEmpty()) {
            return out;
        }
        for (String t : withSupertypes(owner)) {
            out.addAll(engine.index.byShape(t, target.name(), target.arity()));
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    private List<String> withSupertypes(String type) {
        List<String> out = new ArrayList<>();
        out.add(type);
        out.addAll(engine.index.supertypesOf(type));
        if (type.contains("$")) {
            out.add(type.substring(0, type.lastIndexOf('$')));
        }
        return out;
    }

    /** Applies a project method's summary at a call: return value, sinks reached, fields written. */
    Value applyProject(ProgramIndex.MethodInfo m, Value receiver, List<Value> rawArgs, Location loc, TreePath callPath,
                       TreePath receiverPath, boolean onThis, Env env) {
        List<Value> args = packVarargs(m, rawArgs);
        boolean anyTainted = receiver.isTainted() && !receiver.taint().hasParamOrigins();
        for (Value a : args) {
            anyTainted |= !a.deepTaint().isEmpty();
        }
        List<Object> constants = new ArrayList<>();
        for (Value a : args) {
            constants.add(a.isTainted() ? null : a.constant());
        }
        // Calling contexts matter only where taint is involved: a call with constant arguments alone
        // shares the method's general summary.
        boolean factory = m.element() != null && engine.index.isProjectClass(
                unit.task().getTypes().erasure(m.element().getReturnType()).toString());
        Summary s = anyTainted || factory ? engine.summary(m, constants) : engine.summary(m, List.of());
        String callee = m.displayName();
        Substitution sub = new Substitution(receiver, args, loc, callee, m);
        for (Summary.SinkHit hit : s.sinkHits) {
            Value actual = sub.valueAt(hit.param());
            Taint t = hit.param().path().isEmpty() ? actual.taint().union(actual.elementTaint()) : actual.taint();
            for (TaintFlow f : t.flows()) {
                Set<String> sanitized = new HashSet<>(f.sanitized());
                sanitized.addAll(hit.sanitized());
                Step path = Step.concat(Step.then(f.path(), loc, "passed to " + callee + "(" + paramName(m, hit.param())
                        + ")"), hit.path());
                TaintFlow combined = new TaintFlow(f.origin(), path, sanitized);
                sink(hit.rule(), combined, hit.sink(), hit.sinkLabel(), hit.member(), hit.sinkPath());
            }
        }
        // Fields the callee wrote on its receiver and parameters.
        if (!s.thisWrites.isEmpty()) {
            if (onThis) {
                Value self = env.get(Env.THIS);
                if (self != null) {
                    for (Map.Entry<String, Value> w : s.thisWrites.entrySet()) {
                        Value v = sub.apply(w.getValue());
                        self = self.withField(w.getKey(), v);
                        summary.writeThis(w.getKey(), v);
                    }
                    env.put(Env.THIS, self);
                }
            } else if (receiverPath != null) {
                for (Map.Entry<String, Value> w : s.thisWrites.entrySet()) {
                    updateFields(receiverPath, w.getKey(), sub.apply(w.getValue()), env);
                }
            }
        }
        if (!s.paramWrites.isEmpty() && callPath != null) {
            MethodInvocationTree call = callPath.getLeaf() instanceof MethodInvocationTree mi ? mi : null;
            List<? extends ExpressionTree> argTrees = call != null ? call.getArguments()
                    : callPath.getLeaf() instanceof NewClassTree nc ? nc.getArguments() : List.of();
            for (Map.Entry<Integer, Map<String, Value>> pw : s.paramWrites.entrySet()) {
                int i = pw.getKey();
                if (i < argTrees.size()) {
                    for (Map.Entry<String, Value> w : pw.getValue().entrySet()) {
                        updateFields(new TreePath(callPath, argTrees.get(i)), w.getKey(), sub.apply(w.getValue()), env);
                    }
                }
            }
        }
        if (s.returnValue == null) {
            return Value.UNKNOWN;
        }
        Value r = sub.apply(s.returnValue);
        if (r.type().isEmpty() && factory) {
            r = r.withType(unit.task().getTypes().erasure(m.element().getReturnType()).toString(), false);
        }
        if (r.isTainted()) {
            r = r.withTaint(r.taint().step(loc, "returned from " + callee));
        }
        return r;
    }

    private static String paramName(ProgramIndex.MethodInfo m, Origin.Param p) {
        if (p.index() < 0) {
            return "this" + (p.path().isEmpty() ? "" : "." + p.path());
        }
        List<? extends VariableTree> params = m.tree().getParameters();
        String name = p.index() < params.size() ? params.get(p.index()).getName().toString() : "arg" + p.index();
        return p.path().isEmpty() ? name : name + "." + p.path();
    }

    private static List<Value> packVarargs(ProgramIndex.MethodInfo m, List<Value> args) {
        ExecutableElement e = m.element();
        int n = e.getParameters().size();
        if (!e.isVarArgs() || n == 0) {
            return args;
        }
        if (args.size() == n) {
            return args; // an array passed as is, or exactly one vararg (treated as the array's element too)
        }
        List<Value> out = new ArrayList<>(args.subList(0, Math.min(n - 1, args.size())));
        Map<String, Value> slots = new HashMap<>();
        for (int i = n - 1; i < args.size(); i++) {
            slots.put("[" + (i - n + 1) + "]", args.get(i));
        }
        out.add(Value.UNKNOWN.withFields(slots));
        return out;
    }

    /** Replaces a callee's parameter origins with the caller's argument values. */
    final class Substitution {
        private final Value receiver;
        private final List<Value> args;
        private final Location loc;
        private final String callee;
        private final ProgramIndex.MethodInfo method;

        Substitution(Value receiver, List<Value> args, Location loc, String callee, ProgramIndex.MethodInfo method) {
            this.receiver = receiver;
            this.args = args;
            this.loc = loc;
            this.callee = callee;
            this.method = method;
        }

        Value valueAt(Origin.Param p) {
            Value base = p.index() < 0 ? receiver : p.index() < args.size() ? args.get(p.index()) : Value.UNKNOWN;
            if (base == null) {
                base = Value.UNKNOWN;
            }
            if (!p.path().isEmpty()) {
                for (String seg : p.path().split("\\.")) {
                    base = fieldOf(base, seg);
                }
            }
            return base;
        }

        Value apply(Value template) {
            return apply(template, 3);
        }

        private Value apply(Value template, int depth) {
            if (template.fields().isEmpty() && !template.taint().hasParamOrigins()) {
                return template;
            }
            Taint t = Taint.CLEAN;
            for (TaintFlow f : template.taint().flows()) {
                if (f.origin() instanceof Origin.Param p) {
                    Value actual = valueAt(p);
                    for (TaintFlow af : actual.taint().flows()) {
                        Set<String> sanitized = new HashSet<>(af.sanitized());
                        sanitized.addAll(f.sanitized());
                        Step path = f.path() == null ? af.path()
                                : Step.concat(Step.then(af.path(), loc, "passed to " + callee + "("
                                        + paramName(method, p) + ")"), f.path());
                        t = t.union(Taint.of(new TaintFlow(af.origin(), path, sanitized)));
                    }
                } else {
                    t = t.union(Taint.of(f));
                }
            }
            Map<String, Value> fields = template.fields();
            if (depth > 0 && !fields.isEmpty()) {
                Map<String, Value> out = new HashMap<>();
                for (Map.Entry<String, Value> e : fields.entrySet()) {
                    out.put(e.getKey(), apply(e.getValue(), depth - 1));
                }
                fields = out;
            }
            Object constant = t.isEmpty() ? template.constant() : null;
            if (constant == null && t.isEmpty() && template.taint().hasParamOrigins()) {
                // A parameter returned as is: its constant, if the argument was constant.
                for (TaintFlow f : template.taint().flows()) {
                    if (f.origin() instanceof Origin.Param p && p.path().isEmpty() && f.sanitized().isEmpty()) {
                        Object c = valueAt(p).constant();
                        if (c != null) {
                            constant = c;
                        }
                    }
                }
            }
            Closure closure = template.closure();
            return new Value(constant, t, fields, template.tags(), template.type(), template.exact(), closure);
        }
    }

    /** Reports (or, for parameter flows, records in the summary) a flow reaching a sink. */
    void sink(String rule, TaintFlow flow, Location sinkLoc, String label, String sinkMember, TreePath sinkPath) {
        if (!flow.dangerousFor(rule)) {
            return;
        }
        if (rule.equals("java/ldap-injection") && CharEscapes.LDAP_FILTER_SINKS.contains(label)
                && flow.sanitized().contains(CharEscapes.LDAP_FILTER)) {
            return; // escaped for a search filter, and used as one
        }
        if (flow.origin() instanceof Origin.Source src) {
            if (engine.kindEnabled(src.kind())) {
                engine.report(rule, flow, sinkLoc, label, sinkMember, sinkPath);
            }
        } else if (flow.origin() instanceof Origin.Param param) {
            summary.addSinkHit(new Summary.SinkHit(param, rule, sinkLoc, label, sinkMember, flow.path(),
                    flow.sanitized(), sinkPath));
        }
    }

    private Value newObject(TreePath p, NewClassTree nc, Env env) {
        if (nc.getEnclosingExpression() != null) {
            eval(new TreePath(p, nc.getEnclosingExpression()), env);
        }
        List<Value> args = new ArrayList<>();
        for (ExpressionTree a : nc.getArguments()) {
            args.add(eval(new TreePath(p, a), env));
        }
        Location loc = location(nc);
        if (nc.getClassBody() != null) {
            Element cls = unit.trees().getElement(new TreePath(p, nc.getClassBody()));
            String name = cls instanceof TypeElement te ? ProgramIndex.className(unit, te) : "";
            if (!name.isEmpty()) {
                engine.capture(name, env);
            }
            return Value.UNKNOWN.withType(name, true);
        }
        CallTarget target = CallTarget.ofNew(unit, p);
        ExecutableElement ex = target.method();
        if (ex != null && ex.getEnclosingElement() instanceof TypeElement owner) {
            String ownerName = ProgramIndex.className(unit, owner);
            ProgramIndex.MethodInfo m = engine.index.method(ProgramIndex.key(unit, ownerName, ex));
            if (m != null || engine.index.isProjectClass(ownerName)) {
                Value fresh = Value.UNKNOWN.withType(ownerName, true);
                if (m == null) {
                    return fresh;
                }
                Env scratch = new Env();
                scratch.put(Env.THIS, fresh);
                applyProject(m, fresh, args, loc, p, null, false, scratch);
                Summary s = engine.summary(m, constantsOf(args));
                Substitution sub = new Substitution(fresh, packVarargs(m, args), loc, m.displayName(), m);
                Map<String, Value> fields = new HashMap<>();
                for (Map.Entry<String, Value> w : s.thisWrites.entrySet()) {
                    fields.put(w.getKey(), sub.apply(w.getValue()));
                }
                return fresh.withFields(fields);
            }
        }
        return Library.construct(this, p, target, args, loc, env);
    }

    private static List<Object> constantsOf(List<Value> args) {
        List<Object> out = new ArrayList<>();
        for (Value a : args) {
            out.add(a.isTainted() ? null : a.constant());
        }
        return out;
    }

    // ---------------------------------------------------------------- closures

    /** Runs a lambda or method reference with the given argument values; null when it cannot be run here. */
    Value invoke(Closure c, List<Value> args, Location loc, Env env) {
        if (c.unit != unit || closureDepth > 3) {
            return null;
        }
        closureDepth++;
        try {
            Tree code = c.code.getLeaf();
            if (code instanceof LambdaExpressionTree lambda) {
                Env e = c.captured.copy();
                List<? extends VariableTree> params = lambda.getParameters();
                for (int i = 0; i < params.size(); i++) {
                    Element pe = unit.trees().getElement(new TreePath(c.code, params.get(i)));
                    if (pe != null) {
                        Value a = i < args.size() ? args.get(i) : args.isEmpty() ? Value.UNKNOWN : args.get(args.size() - 1);
                        e.put(pe, a);
                    }
                }
                TreePath body = new TreePath(c.code, lambda.getBody());
                if (lambda.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION) {
                    return eval(body, e);
                }
                Value[] result = new Value[1];
                returnTargets.push(result);
                try {
                    exec(body, e);
                } finally {
                    returnTargets.pop();
                }
                return result[0] == null ? Value.UNKNOWN : result[0];
            }
            if (code instanceof MemberReferenceTree ref) {
                Element e = unit.trees().getElement(c.code);
                if (!(e instanceof ExecutableElement ex) || !(ex.getEnclosingElement() instanceof TypeElement owner)) {
                    return null;
                }
                String ownerName = ProgramIndex.className(unit, owner);
                ProgramIndex.MethodInfo m = engine.index.method(ProgramIndex.key(unit, ownerName, ex));
                Value receiver = c.receiver;
                List<Value> callArgs = args;
                boolean isStatic = ex.getModifiers().contains(Modifier.STATIC);
                if (receiver == null && !isStatic && ex.getKind() != ElementKind.CONSTRUCTOR && !args.isEmpty()) {
                    receiver = args.get(0);
                    callArgs = args.subList(1, args.size());
                }
                if (m != null) {
                    return applyProject(m, receiver == null ? Value.UNKNOWN : receiver, callArgs, loc, null, null, false, env);
                }
                return Library.referenced(this, ownerName, ex, receiver, callArgs, loc);
            }
            return null;
        } finally {
            closureDepth--;
        }
    }

    // ---------------------------------------------------------------- helpers for Library and Guards

    /** The two states after {@code condition} in this method's context: [where it held, where it did not]. */
    Env[] branches(TreePath condition, Env env) {
        Branches b = split(condition, env);
        return new Env[] {b.then(), b.otherwise()};
    }

    /** The one project method a call runs, or null (library call, or several possible targets). */
    ProgramIndex.MethodInfo singleProjectTarget(TreePath callPath) {
        MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
        CallTarget target = CallTarget.of(unit, callPath);
        List<ProgramIndex.MethodInfo> targets = projectTargets(target, null, false,
                call.getMethodSelect() instanceof IdentifierTree);
        return targets.size() == 1 ? targets.get(0) : null;
    }

    private final Map<String, Element> canonicalOrigins = new HashMap<>();

    /** A tag naming the variable a canonical path was computed from, so a prefix check can clear it too. */
    String canonicalTag(Element origin) {
        String tag = "canon-of:" + System.identityHashCode(origin);
        canonicalOrigins.put(tag, origin);
        return tag;
    }

    Element canonicalOrigin(String tag) {
        return canonicalOrigins.get(tag);
    }

    /** Writes a library call's effect back into a variable (a builder, a list, an out-parameter). */
    void assignQuietly(TreePath target, Value v, Env env, Location where) {
        assign(target, v, env, where);
    }

    TaintEngine engine() {
        return engine;
    }

    ParsedUnit unit() {
        return unit;
    }

    String member() {
        return member;
    }

    /**
     * The location of a call, starting at the method name: in a chain spread over several lines the
     * finding belongs on the line that names the dangerous method.
     */
    Location callLocation(MethodInvocationTree call) {
        if (call.getMethodSelect() instanceof MemberSelectTree ms) {
            long exprEnd = unit.endOffset(ms.getExpression());
            String text = unit.file().text();
            if (exprEnd >= 0 && exprEnd < text.length()) {
                int idx = text.indexOf(ms.getIdentifier().toString(), (int) exprEnd);
                long end = unit.endOffset(call);
                if (idx >= 0 && idx < end) {
                    return unit.location(idx, end);
                }
            }
        }
        return location(call);
    }

    Location location(Tree t) {
        return unit.location(unit.startOffset(t), unit.endOffset(t));
    }

    String typeName(TreePath p) {
        TypeMirror t = unit.trees().getTypeMirror(p);
        return TypeNames.qualified(t, unit);
    }

    /** Every type a call's receiver may be, with supertypes, for model matching. */
    Set<String> candidateTypes(CallTarget target, Value receiver) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : new String[] {target.declaringType(), target.receiverType(), receiver == null ? "" : receiver.type()}) {
            if (t != null && !t.isEmpty()) {
                out.addAll(engine.supertypes(t, unit));
            }
        }
        return out;
    }

    /** Evaluates an expression for its value without reporting or side effects on {@code env}. */
    Value peek(TreePath p, Env env) {
        return eval(p, env.copy());
    }
}
