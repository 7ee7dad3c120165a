package dev.vigil.java.taint;

import com.sun.source.util.TreePath;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.models.ModelRow;
import dev.vigil.core.models.ModelSet;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.scan.Notification;
import dev.vigil.java.frontend.ParsedUnit;
import dev.vigil.java.frontend.Suppressions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The inter-procedural taint analysis over a whole program. Every project method is analyzed once in
 * its own context (parameters symbolic, or untrusted when they are request parameters); calls into
 * project code use method summaries computed on demand and memoized per calling context (the
 * constant arguments of the call); calls into libraries use the models. Findings are kept per rule
 * and sink location, with the shortest evidence path.
 */
public final class TaintEngine {

    /** Contexts analyzed per method before further contexts share the generic summary. */
    static final int MAX_CONTEXTS = 12;
    /** Nested summary computations before a call is treated as opaque. */
    static final int MAX_DEPTH = 24;
    /** Expression evaluations per method analysis before it is cut short. */
    static final int METHOD_BUDGET = 150_000;

    final ProgramIndex index;
    final ModelSet models;
    final RuleCatalog rules;
    final Set<String> threatModels;
    final Map<String, String> properties;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, Integer> findingLengths = new HashMap<>();
    private final Map<List<Object>, Summary> summaries = new HashMap<>();
    private final Map<String, Integer> contextsPerMethod = new HashMap<>();
    private final Set<List<Object>> inProgress = new HashSet<>();
    private final ArrayDeque<String> stack = new ArrayDeque<>();
    final Map<String, Value> staticFields = new HashMap<>();
    final Map<String, Taint> instanceFields = new HashMap<>();
    private boolean heapChanged;
    /** What anonymous and local classes captured from their creating method, by class name. */
    final Map<String, Env> capturedEnvs = new HashMap<>();
    private final List<Notification> notifications = new ArrayList<>();
    private final Set<String> budgetNoted = new HashSet<>();
    private final Map<String, Set<String>> supertypeCache = new HashMap<>();

    public TaintEngine(List<ParsedUnit> units, ModelSet models, RuleCatalog rules, Set<String> threatModels,
                       Map<String, String> properties) {
        this.index = new ProgramIndex(units);
        for (String failure : index.failures()) {
            int colon = failure.indexOf(": ");
            notifications.add(new Notification(Notification.Level.WARNING, failure.substring(0, colon), 0,
                    "taint analysis skipped part of this file: " + failure.substring(colon + 2)));
        }
        this.models = models;
        this.rules = rules;
        this.threatModels = Set.copyOf(threatModels);
        this.properties = Map.copyOf(properties);
    }

    /** Analyzes every method; a second round runs when the first discovered tainted heap state. */
    public List<Finding> run() {
        for (int round = 0; round < 2; round++) {
            heapChanged = false;
            summaries.clear();
            contextsPerMethod.clear();
            for (ProgramIndex.MethodInfo m : index.methods()) {
                entrySummary(m);
            }
            if (!heapChanged) {
                break;
            }
        }
        return new ArrayList<>(findings.values());
    }

    public List<Notification> notifications() {
        return Collections.unmodifiableList(notifications);
    }

    boolean kindEnabled(String kind) {
        return threatModels.contains(kind);
    }

    /** The summary of a method analyzed as an entry point: its own parameters untrusted when modelled so. */
    private Summary entrySummary(ProgramIndex.MethodInfo m) {
        return summary(m, List.of(), hasParameterSources(m));
    }

    /** Factories: which implementation they return may depend on a constant argument. */
    private boolean returnsProjectObject(ProgramIndex.MethodInfo m) {
        return m.element() != null && index.isProjectClass(
                m.unit().task().getTypes().erasure(m.element().getReturnType()).toString());
    }

    /** Whether analyzing {@code m} as an entry point differs from its general summary. */
    private boolean hasParameterSources(ProgramIndex.MethodInfo m) {
        List<? extends com.sun.source.tree.VariableTree> params = m.tree().getParameters();
        for (int i = 0; i < params.size(); i++) {
            TreePath pp = new TreePath(m.path(), params.get(i));
            Origin.Source src = ParameterSources.sourceOf(this, m, i, pp);
            if (src != null && kindEnabled(src.kind())) {
                return true;
            }
        }
        return false;
    }

    /** The summary of {@code m} called with {@code constants} (one per parameter; null = not constant). */
    Summary summary(ProgramIndex.MethodInfo m, List<Object> constants) {
        boolean anyConstant = constants.stream().anyMatch(c -> c != null);
        if (anyConstant && !summary(m, List.of(), false).dependsOnParameters() && !returnsProjectObject(m)) {
            anyConstant = false;
        }
        List<Object> ctx = anyConstant ? constants : List.of();
        if (anyConstant && contextsPerMethod.getOrDefault(m.key(), 0) >= MAX_CONTEXTS
                && !summaries.containsKey(List.of(m.key(), ctx, false))) {
            ctx = List.of();
        }
        return summary(m, ctx, false);
    }

    private Summary summary(ProgramIndex.MethodInfo m, List<Object> ctx, boolean entry) {
        List<Object> key = List.of(m.key(), ctx, entry);
        Summary cached = summaries.get(key);
        if (cached != null) {
            return cached;
        }
        if (inProgress.contains(key) || stack.size() >= MAX_DEPTH) {
            // Recursion or a very deep chain: the partial answer is "nothing known".
            return Summary.EMPTY;
        }
        inProgress.add(key);
        stack.push(m.key());
        Summary s = new Summary();
        try {
            new MethodAnalyzer(this, m, ctx, entry, s).run();
        } catch (MethodAnalyzer.BudgetExceeded e) {
            if (budgetNoted.add(m.key())) {
                notifications.add(new Notification(Notification.Level.NOTE, m.unit().file().relativePath(),
                        m.unit().line(m.tree()), "analysis budget exceeded in " + m.displayName()
                        + ": results for this method may be incomplete"));
            }
        } catch (RuntimeException | StackOverflowError e) {
            if (budgetNoted.add(m.key())) {
                notifications.add(new Notification(Notification.Level.WARNING, m.unit().file().relativePath(),
                        m.unit().line(m.tree()), "taint analysis of " + m.displayName() + " failed: " + e));
            }
        } finally {
            stack.pop();
            inProgress.remove(key);
        }
        summaries.put(key, s);
        if (!ctx.isEmpty()) {
            contextsPerMethod.merge(m.key(), 1, Integer::sum);
        }
        return s;
    }

    /** Remembers the state an anonymous class instance was created in, for its methods' captured locals. */
    void capture(String className, Env env) {
        Env old = capturedEnvs.get(className);
        Env merged = env.copy();
        merged.remove(Env.THIS);
        if (old != null) {
            merged.joinWith(old);
        }
        if (old == null || !merged.sameAs(old)) {
            capturedEnvs.put(className, merged);
            if (merged.anyTainted()) {
                noteHeapChange();
            }
        }
    }

    private final Set<String> initializing = new HashSet<>();

    /**
     * The value a static field gets from its initializer ({@code static final Pattern HOST =
     * Pattern.compile("...")}), evaluated once; null when the field has no initializer in the project.
     */
    Value staticInitializer(javax.lang.model.element.VariableElement field, String key) {
        TreePath init = index.staticInitializer(field);
        if (init == null || !initializing.add(key)) {
            return null;
        }
        try {
            Value v = MethodAnalyzer.evaluateInitializer(this, index.unitOf(init), init, index.ownerOf(field));
            staticFields.putIfAbsent(key, v);
            return staticFields.get(key);
        } finally {
            initializing.remove(key);
        }
    }

    void noteHeapChange() {
        heapChanged = true;
    }

    void writeInstanceField(String fieldKey, Taint t) {
        Taint sources = t.filter(f -> f.origin() instanceof Origin.Source);
        if (sources.isEmpty()) {
            return;
        }
        Taint old = instanceFields.getOrDefault(fieldKey, Taint.CLEAN);
        Taint merged = old.union(sources);
        if (!merged.equals(old)) {
            instanceFields.put(fieldKey, merged);
            noteHeapChange();
        }
    }

    Taint instanceField(String fieldKey) {
        return instanceFields.getOrDefault(fieldKey, Taint.CLEAN);
    }

    void writeStatic(String fieldKey, Value v) {
        Value clean = v.withTaint(v.taint().filter(f -> f.origin() instanceof Origin.Source));
        Value old = staticFields.get(fieldKey);
        Value merged = old == null ? clean : Value.join(old, clean);
        if (!merged.equals(old)) {
            staticFields.put(fieldKey, merged);
            if (merged.isTainted()) {
                noteHeapChange();
            }
        }
    }

    /** Records a finding unless a shorter path to the same sink was already found. */
    void report(String ruleId, TaintFlow flow, Location sink, String sinkLabel, String member, TreePath sinkPath) {
        Rule rule = rules.find(ruleId).orElse(null);
        if (rule == null) {
            return;
        }
        Origin.Source source = (Origin.Source) flow.origin();
        String key = ruleId + "@" + sink.file() + ":" + sink.startLine() + ":" + sink.startColumn();
        Integer oldLength = findingLengths.get(key);
        if (oldLength != null && oldLength <= flow.length()) {
            return;
        }
        List<FlowStep> steps = new ArrayList<>();
        if (flow.path() != null) {
            steps.addAll(flow.path().toFlow(FlowStep.Kind.SOURCE));
        }
        steps.add(new FlowStep(FlowStep.Kind.SINK, sink, "sink: " + sinkLabel));
        String message = "Untrusted data from " + source.label() + " (line " + source.location().startLine()
                + ") reaches " + sinkLabel + ": " + rule.name().toLowerCase(java.util.Locale.ROOT) + ".";
        Finding f = Finding.of(ruleId, rule.cwe(), rule.severity(), message, sink, member, steps);
        String justification = sinkPath == null ? null : Suppressions.annotated(sinkPath, ruleId);
        if (justification != null) {
            f = f.withSuppression(new dev.vigil.core.finding.Suppression(
                    dev.vigil.core.finding.Suppression.Kind.IN_SOURCE, justification));
        }
        findings.put(key, f);
        findingLengths.put(key, flow.length());
    }

    /** Every supertype of a type, by qualified name: project classes, the JDK and model type facts. */
    Set<String> supertypes(String type, ParsedUnit unit) {
        Set<String> cached = supertypeCache.get(type);
        if (cached != null) {
            return cached;
        }
        Set<String> out = new LinkedHashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>(List.of(type));
        while (!work.isEmpty() && out.size() < 64) {
            String t = work.poll();
            if (!out.add(t)) {
                continue;
            }
            ProgramIndex.ClassInfo c = index.classInfo(t);
            if (c != null) {
                work.addAll(c.supertypes());
            }
            work.addAll(models.declaredSupertypes(t));
            if (c == null && unit != null) {
                TypeElement te = unit.task().getElements().getTypeElement(t);
                if (te != null) {
                    for (TypeMirror s : unit.task().getTypes().directSupertypes(te.asType())) {
                        TypeMirror erased = unit.task().getTypes().erasure(s);
                        String name = erased.toString();
                        if (!name.isEmpty()) {
                            work.add(name);
                        }
                    }
                }
            }
        }
        supertypeCache.put(type, out);
        return out;
    }

    /** Model rows of the given class that apply to a call of {@code name}/{@code arity} on any of {@code types}. */
    <T extends ModelRow> List<T> rowsFor(Class<T> kind, String name, int arity, Set<String> types) {
        List<T> out = new ArrayList<>();
        for (ModelRow r : models.forMethod(name)) {
            if (!kind.isInstance(r)) {
                continue;
            }
            String type;
            int rowArity;
            switch (r) {
                case ModelRow.Source s -> { type = s.type(); rowArity = s.arity(); }
                case ModelRow.Sink s -> { type = s.type(); rowArity = s.arity(); }
                case ModelRow.Sanitizer s -> { type = s.type(); rowArity = s.arity(); }
                case ModelRow.Summary s -> { type = s.type(); rowArity = s.arity(); }
                case ModelRow.TypeFact t -> { type = t.type(); rowArity = -1; }
                default -> { continue; }
            }
            // Rows may name nested types in binary form (Base64$Decoder); javac names them Base64.Decoder.
            if ((rowArity < 0 || rowArity == arity) && (types.contains(type)
                    || type.indexOf('$') > 0 && types.contains(type.replace('$', '.')))) {
                out.add(kind.cast(r));
            }
        }
        return out;
    }
}
