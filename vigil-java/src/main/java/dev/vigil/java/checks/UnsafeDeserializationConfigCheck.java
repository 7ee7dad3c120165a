package dev.vigil.java.checks;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/unsafe-deserialization-config: deserializers configured to instantiate classes named by the
 * input. Jackson {@code enableDefaultTyping} (any overload), {@code activateDefaultTyping} with
 * {@code LaissezFaireSubTypeValidator} or a validator allowing {@code Object} as base type,
 * {@code @JsonTypeInfo(use = CLASS / MINIMAL_CLASS)}; XStream without an allow-list (reported on
 * {@code new XStream()}) or opened with {@code AnyTypePermission.ANY} (reported on that call);
 * SnakeYAML {@code new Yaml(...)} without a SafeConstructor.
 */
public final class UnsafeDeserializationConfigCheck implements JavaCheck {

    static final String RULE = "java/unsafe-deserialization-config";

    /** XStream calls that restrict the classes it may instantiate. */
    private static final Set<String> XSTREAM_ALLOW_LIST = Set.of("allowTypes", "allowTypesByWildcard",
            "allowTypesByRegExp", "allowTypeHierarchy", "addPermission", "setupDefaultSecurity", "denyTypes");

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        new CheckScanner(unit, context) {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms) {
                    String name = ms.getIdentifier().toString();
                    if (name.startsWith("enableDefaultTyping")) {
                        report(RULE, getCurrentPath(), "Jackson default typing lets the JSON name any class on the"
                                + " class path to instantiate (gadget chains): use @JsonTypeInfo(use = NAME) with"
                                + " @JsonSubTypes, or activateDefaultTyping with a restrictive validator");
                    } else if (name.startsWith("activateDefaultTyping") && !call.getArguments().isEmpty()
                            && permissiveValidator(this, pathOf(call.getArguments().get(0)), 0)) {
                        report(RULE, getCurrentPath(), "Default typing with a validator that accepts any class:"
                                + " restrict it to your own base types or packages");
                    } else if (name.equals("addPermission") && call.getArguments().size() == 1
                            && call.getArguments().get(0).toString().endsWith("AnyTypePermission.ANY")) {
                        report(RULE, getCurrentPath(), "XStream allowed to instantiate any type: allow only the"
                                + " classes of your documents (allowTypes / allowTypesByWildcard)");
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                CallTarget t = target();
                if (t.declaringType().endsWith(".XStream") || t.declaringType().equals("XStream")) {
                    if (!xstreamRestricted(this, getCurrentPath())) {
                        report(RULE, getCurrentPath(), "XStream without an allow-list instantiates any class named"
                                + " in the XML: call allowTypes/allowTypesByWildcard with your own classes");
                    }
                } else if (t.declaringType().equals("org.yaml.snakeyaml.Yaml") && !safeYaml(this, creation)) {
                    report(RULE, getCurrentPath(), "SnakeYAML without SafeConstructor: global tags (!!class) can"
                            + " instantiate arbitrary classes; use new Yaml(new SafeConstructor(new LoaderOptions()))");
                }
                return super.visitNewClass(creation, unused);
            }

            @Override
            public Void visitAnnotation(AnnotationTree a, Void unused) {
                String type = a.getAnnotationType().toString();
                if (type.equals("JsonTypeInfo") || type.endsWith(".JsonTypeInfo")) {
                    for (ExpressionTree arg : a.getArguments()) {
                        if (arg instanceof AssignmentTree as && as.getVariable().toString().equals("use")) {
                            String use = as.getExpression().toString();
                            if (use.equals("CLASS") || use.endsWith(".CLASS") || use.endsWith("MINIMAL_CLASS")) {
                                report(RULE, getCurrentPath(), "@JsonTypeInfo(use = " + use + ") lets the JSON name"
                                        + " the class to instantiate: use Id.NAME with @JsonSubTypes");
                            }
                        }
                    }
                }
                return super.visitAnnotation(a, unused);
            }
        }.run();
    }

    /**
     * LaissezFaireSubTypeValidator, or a BasicPolymorphicTypeValidator builder allowing Object as base
     * or subtype; followed through a local holding the validator.
     */
    private static boolean permissiveValidator(CheckScanner s, TreePath validator, int depth) {
        ExpressionTree e = CheckScanner.strip((ExpressionTree) validator.getLeaf());
        String text = e.toString();
        if (text.contains("LaissezFaireSubTypeValidator")) {
            return true;
        }
        if (text.contains("allowIfBaseType(Object.class)") || text.contains("allowIfSubType(Object.class)")) {
            return true;
        }
        if (e instanceof IdentifierTree && depth < 3) {
            Element var = s.unit.trees().getElement(validator);
            TreePath decl = var == null ? null : declaration(s, validator, var);
            if (decl != null && ((VariableTree) decl.getLeaf()).getInitializer() != null) {
                return permissiveValidator(s, new TreePath(decl, ((VariableTree) decl.getLeaf()).getInitializer()),
                        depth + 1);
            }
        }
        return false;
    }

    private static TreePath declaration(CheckScanner s, TreePath use, Element var) {
        TreePath scope;
        if (var.getKind() == ElementKind.FIELD) {
            return s.unit.trees().getPath(var);
        }
        scope = use;
        while (scope != null && !(scope.getLeaf() instanceof MethodTree)) {
            scope = scope.getParentPath();
        }
        if (scope == null) {
            return null;
        }
        TreePath[] found = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (var.equals(s.unit.trees().getElement(getCurrentPath()))) {
                    found[0] = getCurrentPath();
                }
                return super.visitVariable(v, unused);
            }
        }.scan(scope, null);
        return found[0];
    }

    /**
     * Whether the XStream created at {@code creation} gets an allow-list: calls on the variable or
     * field it is stored in (within the method, or anywhere in the class for a field), or
     * {@code XStream.setupDefaultSecurity(x)}. An instance that escapes unnamed is unrestricted.
     */
    private static boolean xstreamRestricted(CheckScanner s, TreePath creation) {
        Tree parent = creation.getParentPath().getLeaf();
        Element holder = null;
        if (parent instanceof VariableTree) {
            holder = s.unit.trees().getElement(creation.getParentPath());
        } else if (parent instanceof AssignmentTree as) {
            holder = s.unit.trees().getElement(new TreePath(creation.getParentPath(), as.getVariable()));
        }
        if (holder == null) {
            // Returned or passed along: whoever receives it may restrict it; judge only the plain use.
            return !(parent instanceof MemberSelectTree);
        }
        TreePath scope = creation;
        while (scope != null && !(holder.getKind() == ElementKind.FIELD ? scope.getLeaf() instanceof ClassTree
                : scope.getLeaf() instanceof MethodTree)) {
            scope = scope.getParentPath();
        }
        if (scope == null) {
            return true;
        }
        Element target = holder;
        List<String> calls = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms) {
                    String name = ms.getIdentifier().toString();
                    boolean onTarget = target.equals(s.unit.trees().getElement(
                            new TreePath(new TreePath(getCurrentPath(), ms), ms.getExpression())));
                    boolean staticSetup = name.equals("setupDefaultSecurity") && call.getArguments().size() == 1
                            && target.equals(s.unit.trees().getElement(
                                    new TreePath(getCurrentPath(), call.getArguments().get(0))));
                    if ((onTarget || staticSetup) && XSTREAM_ALLOW_LIST.contains(name)) {
                        calls.add(name + ":" + call.getArguments());
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(scope, null);
        // addPermission(AnyTypePermission.ANY) is reported on that call; the instance is not reported twice.
        return !calls.isEmpty();
    }

    /** new Yaml(...) with a SafeConstructor argument (inline or through a local of that type). */
    private static boolean safeYaml(CheckScanner s, NewClassTree creation) {
        for (ExpressionTree arg : creation.getArguments()) {
            ExpressionTree a = CheckScanner.strip(arg);
            if (a instanceof NewClassTree nc && nc.getIdentifier().toString().endsWith("SafeConstructor")) {
                return true;
            }
            if (s.typeOf(s.pathOf(arg)).endsWith("SafeConstructor")) {
                return true;
            }
        }
        return false;
    }
}
