package dev.vigil.java.taint;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.vigil.core.models.ModelRow;
import dev.vigil.java.frontend.ParsedUnit;
import dev.vigil.java.frontend.TypeNames;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Decides whether a method parameter receives untrusted data: annotated request parameters (Spring,
 * JAX-RS, Stapler), parameters of request-handler methods, and — under the {@code library} threat
 * model — parameters of a library's public API.
 */
final class ParameterSources {

    /** Framework objects injected into handlers: not data, even though they are handler parameters. */
    private static final Set<String> FRAMEWORK_TYPES = Set.of(
            "javax.servlet.http.HttpServletRequest", "javax.servlet.http.HttpServletResponse",
            "jakarta.servlet.http.HttpServletRequest", "jakarta.servlet.http.HttpServletResponse",
            "javax.servlet.ServletRequest", "javax.servlet.ServletResponse",
            "jakarta.servlet.ServletRequest", "jakarta.servlet.ServletResponse",
            "javax.servlet.http.HttpSession", "jakarta.servlet.http.HttpSession",
            "org.springframework.ui.Model", "org.springframework.ui.ModelMap",
            "org.springframework.validation.BindingResult", "org.springframework.validation.Errors",
            "org.springframework.web.servlet.mvc.support.RedirectAttributes",
            "org.springframework.web.servlet.ModelAndView", "java.security.Principal", "java.util.Locale",
            "org.springframework.security.core.Authentication", "org.springframework.web.context.request.WebRequest",
            "org.springframework.http.server.reactive.ServerHttpRequest", "org.springframework.web.server.ServerWebExchange",
            "org.kohsuke.stapler.StaplerRequest", "org.kohsuke.stapler.StaplerResponse",
            "org.kohsuke.stapler.StaplerRequest2", "org.kohsuke.stapler.StaplerResponse2",
            "javax.ws.rs.core.UriInfo", "jakarta.ws.rs.core.UriInfo", "javax.ws.rs.core.HttpHeaders",
            "jakarta.ws.rs.core.HttpHeaders", "java.io.OutputStream", "java.io.Writer");

    private ParameterSources() {
    }

    static Origin.Source sourceOf(TaintEngine engine, ProgramIndex.MethodInfo m, int index, TreePath paramPath) {
        ParsedUnit unit = m.unit();
        VariableTree param = (VariableTree) paramPath.getLeaf();
        MethodTree method = m.tree();
        Set<String> paramAnnotations = annotations(unit, param.getModifiers());
        Set<String> methodAnnotations = annotations(unit, method.getModifiers());
        ClassTree cls = enclosingClass(m.path());
        Set<String> classAnnotations = cls == null ? Set.of() : annotations(unit, cls.getModifiers());
        String paramType = TypeNames.qualified(unit.trees().getTypeMirror(paramPath), unit);
        if (paramType.isEmpty()) {
            paramType = TypeNames.resolveWritten(param.getType().toString().replaceAll("<.*", ""), unit);
        }
        for (ModelRow.ParameterSource row : engine.models.parameterSources()) {
            boolean matches;
            if (!row.annotation().isEmpty()) {
                matches = paramAnnotations.contains(row.annotation());
            } else {
                matches = (row.methodAnnotation().isEmpty() || methodAnnotations.contains(row.methodAnnotation()))
                        && (row.methodPattern().isEmpty() || m.name().matches(row.methodPattern()))
                        && !FRAMEWORK_TYPES.contains(paramType)
                        && paramAnnotations.stream().noneMatch(a -> a.endsWith(".AuthenticationPrincipal")
                                || a.endsWith(".Autowired") || a.endsWith(".Value"));
            }
            if (matches && !row.classAnnotation().isEmpty()) {
                matches = classAnnotations.contains(row.classAnnotation());
            }
            if (matches && !row.parameterType().isEmpty()) {
                matches = paramType.matches(row.parameterType());
            }
            if (matches) {
                return new Origin.Source(row.kind(), row.label() + " '" + param.getName() + "'",
                        unit.location(unit.startOffset(param), unit.endOffset(param)));
            }
        }
        if (engine.kindEnabled("library") && m.isPublic() && cls != null
                && cls.getModifiers().getFlags().contains(Modifier.PUBLIC) && !FRAMEWORK_TYPES.contains(paramType)
                && !isTestCode(unit)) {
            return new Origin.Source("library", "parameter '" + param.getName() + "' of public method "
                    + m.displayName(), unit.location(unit.startOffset(param), unit.endOffset(param)));
        }
        return null;
    }

    private static final Set<String> PATTERN_CONSTRAINTS = Set.of("javax.validation.constraints.Pattern",
            "jakarta.validation.constraints.Pattern");

    /**
     * The rules a handler parameter is safe for because a Bean Validation {@code @Pattern} constraint on it
     * is enforced before the handler runs: on JAX-RS resource methods, on Spring handlers of a class annotated
     * {@code @Validated}, and (Spring 6.1 and later, the jakarta namespace) on any Spring handler. The value
     * then fully matches the pattern, which {@link Regexes#safeFor} judges.
     */
    static Set<String> validatedFor(ProgramIndex.MethodInfo m, VariableTree param) {
        ParsedUnit unit = m.unit();
        Set<String> methodAnnotations = annotations(unit, m.tree().getModifiers());
        ClassTree cls = enclosingClass(m.path());
        Set<String> classAnnotations = cls == null ? Set.of() : annotations(unit, cls.getModifiers());
        boolean jaxrs = methodAnnotations.stream().anyMatch(a -> a.startsWith("javax.ws.rs.") || a.startsWith("jakarta.ws.rs."));
        boolean spring = methodAnnotations.stream().anyMatch(a -> a.startsWith("org.springframework.web.bind.annotation.")
                && a.endsWith("Mapping"));
        boolean validated = classAnnotations.contains("org.springframework.validation.annotation.Validated");
        for (AnnotationTree a : param.getModifiers().getAnnotations()) {
            String type = TypeNames.resolveWritten(a.getAnnotationType().toString(), unit);
            if (!PATTERN_CONSTRAINTS.contains(type)) {
                continue;
            }
            boolean enforced = jaxrs || spring && (validated || type.startsWith("jakarta."));
            if (enforced) {
                return patternRules(unit, new TreePath(m.path(), param), param);
            }
        }
        return Set.of();
    }

    /** The rules a value matching the declaration's {@code @Pattern} constraint is safe for, or none. */
    private static Set<String> patternRules(ParsedUnit unit, TreePath declPath, VariableTree decl) {
        for (AnnotationTree a : decl.getModifiers().getAnnotations()) {
            String type = TypeNames.resolveWritten(a.getAnnotationType().toString(), unit);
            if (!PATTERN_CONSTRAINTS.contains(type)) {
                continue;
            }
            for (com.sun.source.tree.ExpressionTree arg : a.getArguments()) {
                if (arg instanceof com.sun.source.tree.AssignmentTree as
                        && as.getVariable().toString().equals("regexp")) {
                    Object regex = null;
                    if (as.getExpression() instanceof com.sun.source.tree.LiteralTree lit) {
                        regex = lit.getValue();
                    } else if (unit.trees().getElement(new TreePath(declPath, as.getExpression()))
                            instanceof javax.lang.model.element.VariableElement ve) {
                        regex = ve.getConstantValue();
                    }
                    if (regex instanceof String r) {
                        return Regexes.safeFor(r);
                    }
                }
            }
        }
        return Set.of();
    }

    private static boolean isTestCode(ParsedUnit unit) {
        String path = unit.file().relativePath();
        return path.contains("/test/") || path.startsWith("test/") || path.endsWith("Test.java");
    }

    private static ClassTree enclosingClass(TreePath p) {
        for (TreePath x = p; x != null; x = x.getParentPath()) {
            if (x.getLeaf() instanceof ClassTree c) {
                return c;
            }
        }
        return null;
    }

    /** Qualified names of the annotations on a declaration, resolved through imports when jars are missing. */
    static Set<String> annotations(ParsedUnit unit, ModifiersTree mods) {
        Set<String> out = new HashSet<>();
        for (AnnotationTree a : mods.getAnnotations()) {
            Tree type = a.getAnnotationType();
            out.add(TypeNames.resolveWritten(type.toString(), unit));
        }
        return out;
    }
}
