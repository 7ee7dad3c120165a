package dev.vigil.cli.model;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePathScanner;
import dev.vigil.core.models.ModelRow;
import dev.vigil.core.models.ModelSet;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.JavaProgram;
import dev.vigil.java.frontend.ParsedUnit;
import dev.vigil.llm.specs.ApiCandidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds the calls a project makes into library APIs that no model row covers: the candidates for spec
 * inference. Project types and the JDK ({@code java.*}) are left out: the first are analyzed from
 * source, the second are modeled by the bundled files, and a model is no better judge of them.
 */
final class ExternalApiCalls {

    private static final int EXAMPLES = 3;

    private ExternalApiCalls() {
    }

    static List<ApiCandidate> uncovered(JavaProgram program, ModelSet models, int limit) {
        Set<String> projectTypes = new HashSet<>();
        for (ParsedUnit unit : program.units()) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitClass(ClassTree node, Void unused) {
                    Element e = unit.trees().getElement(getCurrentPath());
                    if (e instanceof TypeElement te) {
                        projectTypes.add(te.getQualifiedName().toString());
                    }
                    return super.visitClass(node, unused);
                }
            }.scan(unit.tree(), null);
        }
        record Key(String type, String method, int arity) {
        }
        Map<Key, int[]> counts = new LinkedHashMap<>();
        Map<Key, List<String>> examples = new LinkedHashMap<>();
        for (ParsedUnit unit : program.units()) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                    record(CallTarget.of(unit, getCurrentPath()), node);
                    return super.visitMethodInvocation(node, unused);
                }

                @Override
                public Void visitNewClass(NewClassTree node, Void unused) {
                    record(CallTarget.ofNew(unit, getCurrentPath()), node);
                    return super.visitNewClass(node, unused);
                }

                private void record(CallTarget target, com.sun.source.tree.Tree node) {
                    String type = target.declaringType();
                    if (type == null || !type.contains(".") || type.startsWith("java.") || projectTypes.contains(type)
                            || projectTypes.contains(target.receiverType()) || covered(models, target)) {
                        return;
                    }
                    Key key = new Key(type, target.name(), target.arity());
                    counts.computeIfAbsent(key, k -> new int[1])[0]++;
                    List<String> ex = examples.computeIfAbsent(key, k -> new ArrayList<>());
                    if (ex.size() < EXAMPLES) {
                        int line = unit.line(node);
                        ex.add(unit.file().relativePath() + ":" + line + ": " + unit.lineText(line).strip());
                    }
                }
            }.scan(unit.tree(), null);
        }
        List<ApiCandidate> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new ApiCandidate(k.type(), k.method(), k.arity(), n[0], examples.get(k))));
        out.sort(Comparator.comparingInt(ApiCandidate::calls).reversed().thenComparing(ApiCandidate::signature));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    private static boolean covered(ModelSet models, CallTarget target) {
        for (ModelRow row : models.forMethod(target.name())) {
            String type = switch (row) {
                case ModelRow.Source s -> s.type();
                case ModelRow.Sink s -> s.type();
                case ModelRow.Sanitizer s -> s.type();
                case ModelRow.Summary s -> s.type();
                default -> null;
            };
            if (type != null && (type.equals(target.declaringType()) || type.equals(target.receiverType()))) {
                return true;
            }
        }
        return false;
    }
}
