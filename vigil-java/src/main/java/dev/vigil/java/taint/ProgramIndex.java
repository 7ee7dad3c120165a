package dev.vigil.java.taint;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.ParsedUnit;
import dev.vigil.java.frontend.TypeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The project's own code: every method with a body, every class with its supertypes, and the
 * effectively-final fields with constant initializers. Calls into project code are analyzed through
 * this index; calls elsewhere go to the models.
 */
final class ProgramIndex {

    /** A project method and where its tree is. */
    record MethodInfo(String key, String owner, String name, int arity, ParsedUnit unit, TreePath path,
                      ExecutableElement element, boolean isStatic, boolean isPublic) {
        MethodTree tree() {
            return (MethodTree) path.getLeaf();
        }

        String displayName() {
            String simpleOwner = owner.substring(owner.lastIndexOf('.') + 1);
            return simpleOwner + "." + name;
        }
    }

    /** A project class: its supertypes by qualified name, and its tree. */
    record ClassInfo(String name, List<String> supertypes, ParsedUnit unit, TreePath path, boolean isPublic) {
        ClassTree tree() {
            return (ClassTree) path.getLeaf();
        }
    }

    private final Map<String, MethodInfo> byKey = new HashMap<>();
    private final Map<String, List<MethodInfo>> byShape = new HashMap<>();
    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Map<String, Set<String>> subtypes = new HashMap<>();
    private final Map<VariableElement, Object> fieldConstants = new HashMap<>();
    private final List<MethodInfo> methods = new ArrayList<>();
    private final Map<VariableElement, TreePath> staticInitializers = new HashMap<>();
    private final Map<TreePath, ParsedUnit> initializerUnits = new HashMap<>();
    private final Map<VariableElement, String> fieldOwners = new HashMap<>();

    ProgramIndex(List<ParsedUnit> units) {
        Map<VariableElement, Object> initializers = new HashMap<>();
        Set<VariableElement> reassigned = new HashSet<>();
        for (ParsedUnit unit : units) {
            try {
                indexUnit(unit, initializers, reassigned);
            } catch (RuntimeException | StackOverflowError e) {
                // javac attributes lazily and can fail on code it could not fully resolve: skip the rest of the unit.
                failed.add(unit.file().relativePath() + ": " + e);
            }
        }
        initializers.forEach((field, value) -> {
            if (!reassigned.contains(field)) {
                fieldConstants.put(field, value);
            }
        });
    }

    /** Files whose indexing stopped early, with the reason. */
    List<String> failures() {
        return failed;
    }

    private final List<String> failed = new ArrayList<>();

    private void indexUnit(ParsedUnit unit, Map<VariableElement, Object> initializers, Set<VariableElement> reassigned) {
        {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitClass(ClassTree c, Void v) {
                    Element e = unit.trees().getElement(getCurrentPath());
                    if (e instanceof TypeElement te) {
                        String name = className(unit, te);
                        List<String> supers = new ArrayList<>();
                        if (c.getExtendsClause() != null) {
                            supers.add(typeName(unit, new TreePath(getCurrentPath(), c.getExtendsClause())));
                        }
                        for (Tree i : c.getImplementsClause()) {
                            supers.add(typeName(unit, new TreePath(getCurrentPath(), i)));
                        }
                        supers.removeIf(String::isEmpty);
                        classes.put(name, new ClassInfo(name, supers, unit, getCurrentPath(),
                                c.getModifiers().getFlags().contains(Modifier.PUBLIC)));
                        for (String s : supers) {
                            subtypes.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(name);
                        }
                    }
                    return super.visitClass(c, v);
                }

                @Override
                public Void visitMethod(MethodTree m, Void v) {
                    Element e = unit.trees().getElement(getCurrentPath());
                    if (m.getBody() != null && e instanceof ExecutableElement ex
                            && ex.getEnclosingElement() instanceof TypeElement owner) {
                        String ownerName = className(unit, owner);
                        String key = key(unit, ownerName, ex);
                        MethodInfo info = new MethodInfo(key, ownerName, ex.getSimpleName().toString(),
                                ex.getParameters().size(), unit, getCurrentPath(), ex,
                                ex.getModifiers().contains(Modifier.STATIC), ex.getModifiers().contains(Modifier.PUBLIC));
                        byKey.put(key, info);
                        byShape.computeIfAbsent(shape(ownerName, info.name(), info.arity()), k -> new ArrayList<>())
                                .add(info);
                        methods.add(info);
                    }
                    return super.visitMethod(m, v);
                }

                @Override
                public Void visitVariable(VariableTree var, Void v) {
                    Element e = unit.trees().getElement(getCurrentPath());
                    if (e instanceof VariableElement ve && ve.getKind().isField() && var.getInitializer() != null) {
                        Object c = literal(var.getInitializer());
                        if (c != null) {
                            initializers.put(ve, c);
                        }
                        if (ve.getModifiers().contains(Modifier.STATIC)
                                && ve.getEnclosingElement() instanceof TypeElement owner) {
                            TreePath init = new TreePath(getCurrentPath(), var.getInitializer());
                            staticInitializers.put(ve, init);
                            initializerUnits.put(init, unit);
                            fieldOwners.put(ve, className(unit, owner));
                        }
                    }
                    return super.visitVariable(var, v);
                }

                @Override
                public Void visitAssignment(com.sun.source.tree.AssignmentTree a, Void v) {
                    markAssigned(a.getVariable());
                    return super.visitAssignment(a, v);
                }

                @Override
                public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree a, Void v) {
                    markAssigned(a.getVariable());
                    return super.visitCompoundAssignment(a, v);
                }

                @Override
                public Void visitUnary(com.sun.source.tree.UnaryTree u, Void v) {
                    switch (u.getKind()) {
                        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
                                markAssigned(u.getExpression());
                        default -> {
                        }
                    }
                    return super.visitUnary(u, v);
                }

                private void markAssigned(ExpressionTree target) {
                    Element e = unit.trees().getElement(new TreePath(getCurrentPath(), target));
                    if (e instanceof VariableElement ve && ve.getKind().isField()) {
                        reassigned.add(ve);
                    }
                }
            }.scan(unit.tree(), null);
        }
    }

    private static Object literal(ExpressionTree e) {
        if (e instanceof com.sun.source.tree.LiteralTree l) {
            return l.getValue() == null ? null : l.getValue();
        }
        return null;
    }

    static String className(ParsedUnit unit, TypeElement te) {
        return unit.task().getElements().getBinaryName(te).toString();
    }

    private static String typeName(ParsedUnit unit, TreePath path) {
        TypeMirror t = unit.trees().getTypeMirror(path);
        if (t != null && t.getKind() == javax.lang.model.type.TypeKind.DECLARED
                && ((javax.lang.model.type.DeclaredType) t).asElement() instanceof TypeElement te) {
            // The binary name (Outer$Inner), as classes are keyed: a nested interface's implementations are found.
            return className(unit, te);
        }
        String name = TypeNames.qualified(t, unit);
        if (name.isEmpty()) {
            String written = path.getLeaf().toString();
            int g = written.indexOf('<');
            name = TypeNames.resolveWritten(g < 0 ? written : written.substring(0, g), unit);
        }
        return name;
    }

    static String key(ParsedUnit unit, String owner, ExecutableElement ex) {
        StringBuilder sb = new StringBuilder(owner).append('#').append(ex.getSimpleName()).append('(');
        boolean first = true;
        for (VariableElement p : ex.getParameters()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            TypeMirror erased = unit.task().getTypes().erasure(p.asType());
            sb.append(erased.toString());
        }
        return sb.append(')').toString();
    }

    private static String shape(String owner, String name, int arity) {
        return owner + "#" + name + "/" + arity;
    }

    List<MethodInfo> methods() {
        return methods;
    }

    MethodInfo method(String key) {
        return byKey.get(key);
    }

    /** Project methods named {@code name} with {@code arity} parameters declared in {@code owner}. */
    List<MethodInfo> byShape(String owner, String name, int arity) {
        return byShape.getOrDefault(shape(binaryName(owner), name, arity), List.of());
    }

    /**
     * The key of a project class given by its canonical name (a.Outer.Inner, as types are written and
     * qualified) or binary name (a.Outer$Inner, as classes are keyed); unknown names are returned as they are.
     */
    String binaryName(String name) {
        if (name == null || classes.containsKey(name)) {
            return name;
        }
        String n = name;
        for (int dot = n.lastIndexOf('.'); dot > 0; dot = n.lastIndexOf('.')) {
            n = n.substring(0, dot) + "$" + n.substring(dot + 1);
            if (classes.containsKey(n)) {
                return n;
            }
        }
        return name;
    }

    ClassInfo classInfo(String name) {
        return classes.get(binaryName(name));
    }

    boolean isProjectClass(String name) {
        return classes.containsKey(binaryName(name));
    }

    /** Project classes that extend or implement {@code name}, transitively. */
    Set<String> subtypesOf(String name) {
        Set<String> out = new LinkedHashSet<>();
        ArrayList<String> work = new ArrayList<>(List.of(binaryName(name)));
        while (!work.isEmpty() && out.size() < 64) {
            String n = work.remove(work.size() - 1);
            for (String s : subtypes.getOrDefault(n, Set.of())) {
                if (out.add(s)) {
                    work.add(s);
                }
            }
        }
        return out;
    }

    /** Project supertypes chain (classes and interfaces), nearest first. */
    List<String> supertypesOf(String name) {
        List<String> out = new ArrayList<>();
        ArrayList<String> work = new ArrayList<>(List.of(binaryName(name)));
        Set<String> seen = new HashSet<>();
        while (!work.isEmpty() && out.size() < 64) {
            String n = work.remove(0);
            ClassInfo c = classes.get(n);
            if (c == null) {
                continue;
            }
            for (String s : c.supertypes()) {
                if (seen.add(s)) {
                    out.add(s);
                    work.add(s);
                }
            }
        }
        return out;
    }

    /** The initializer expression of a static field, or null. */
    TreePath staticInitializer(VariableElement field) {
        return staticInitializers.get(field);
    }

    ParsedUnit unitOf(TreePath initializer) {
        return initializerUnits.get(initializer);
    }

    String ownerOf(VariableElement field) {
        return fieldOwners.getOrDefault(field, "");
    }

    /** The constant an effectively-final field was initialized with, or null. */
    Object fieldConstant(VariableElement field) {
        return fieldConstants.get(field);
    }

    /**
     * The implementation a virtual call reaches when the receiver's class is {@code runtimeType}: the
     * method with the same name and parameter count declared there or in the nearest superclass.
     */
    MethodInfo resolveIn(String runtimeType, String name, int arity, String keySuffix) {
        String t = binaryName(runtimeType);
        for (int depth = 0; t != null && depth < 16; depth++) {
            for (MethodInfo m : byShape(t, name, arity)) {
                if (keySuffix == null || m.key().endsWith(keySuffix)) {
                    return m;
                }
            }
            List<MethodInfo> any = byShape(t, name, arity);
            if (!any.isEmpty()) {
                return any.get(0);
            }
            ClassInfo c = classes.get(t);
            if (c == null || c.supertypes().isEmpty()) {
                break;
            }
            String next = null;
            for (String s : c.supertypes()) {
                ClassInfo sc = classes.get(s);
                if (sc != null && sc.tree().getKind() == Tree.Kind.CLASS) {
                    next = s;
                    break;
                }
            }
            t = next;
        }
        return null;
    }
}
