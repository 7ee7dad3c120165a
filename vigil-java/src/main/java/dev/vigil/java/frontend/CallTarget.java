package dev.vigil.java.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * What a call invokes, as far as attribution allows.
 *
 * @param declaringType qualified name of the class declaring the resolved method, or of the receiver's
 *     type (import-resolved) when the method could not be resolved
 * @param receiverType qualified static type of the receiver expression ("" for unqualified calls)
 * @param name method name, "<init>" for constructors
 * @param method the resolved method, or null when attribution failed (missing jars)
 */
public record CallTarget(String declaringType, String receiverType, String name, int arity, ExecutableElement method) {

    public boolean resolved() {
        return method != null;
    }

    public boolean is(String type, String methodName) {
        return name.equals(methodName) && (declaringType.equals(type) || receiverType.equals(type));
    }

    public static CallTarget of(ParsedUnit unit, MethodInvocationTree call) {
        return of(unit, unit.path(call));
    }

    /** Like {@link #of(ParsedUnit, MethodInvocationTree)} for a call whose path is known (no tree search). */
    public static CallTarget of(ParsedUnit unit, TreePath path) {
        MethodInvocationTree call = (MethodInvocationTree) path.getLeaf();
        ExpressionTree select = call.getMethodSelect();
        String name;
        String receiverType = "";
        if (select instanceof MemberSelectTree ms) {
            name = ms.getIdentifier().toString();
            receiverType = typeOf(unit, new TreePath(new TreePath(path, select), ms.getExpression()));
        } else if (select instanceof IdentifierTree id) {
            name = id.getName().toString();
        } else {
            name = select.toString();
        }
        ExecutableElement method = null;
        String declaring = receiverType;
        if (path != null) {
            Element e = unit.trees().getElement(new TreePath(path, select));
            if (e instanceof ExecutableElement ex && !(ex.getEnclosingElement() == null)) {
                method = ex;
                if (ex.getEnclosingElement() instanceof TypeElement te) {
                    declaring = te.getQualifiedName().toString();
                }
            }
        }
        return new CallTarget(declaring, receiverType, name, call.getArguments().size(), method);
    }

    public static CallTarget of(ParsedUnit unit, NewClassTree creation) {
        return ofNew(unit, unit.path(creation));
    }

    public static CallTarget ofNew(ParsedUnit unit, TreePath path) {
        NewClassTree creation = (NewClassTree) path.getLeaf();
        String type = "";
        ExecutableElement method = null;
        if (path != null) {
            TypeMirror t = unit.trees().getTypeMirror(new TreePath(path, creation.getIdentifier()));
            type = TypeNames.qualified(t, unit);
            Element e = unit.trees().getElement(path);
            if (e instanceof ExecutableElement ex) {
                method = ex;
            }
        }
        if (type.isEmpty()) {
            type = TypeNames.resolveWritten(stripGenerics(creation.getIdentifier().toString()), unit);
        }
        return new CallTarget(type, type, "<init>", creation.getArguments().size(), method);
    }

    /** The import-resolved qualified type of an expression, or "" when unknown. */
    public static String typeOf(ParsedUnit unit, ExpressionTree e) {
        TreePath path = unit.path(e);
        return path == null ? "" : typeOf(unit, path);
    }

    /** The import-resolved qualified type of the expression at {@code path}, or "" when unknown. */
    public static String typeOf(ParsedUnit unit, TreePath path) {
        ExpressionTree e = (ExpressionTree) path.getLeaf();
        TypeMirror t = unit.trees().getTypeMirror(path);
        if (t != null && t.getKind() == javax.lang.model.type.TypeKind.ERROR
                && !(e instanceof IdentifierTree || e instanceof MemberSelectTree)) {
            // javac names the error type of an unresolvable call after the call ("Response.getWriter"): unknown.
            return "";
        }
        String name = TypeNames.qualified(t, unit);
        if (name.isEmpty() && (e instanceof IdentifierTree || e instanceof MemberSelectTree)) {
            // A type name used as a static receiver (DigestUtils.md5Hex) whose class is missing.
            String written = e.toString();
            if (!written.isEmpty() && Character.isUpperCase(lastSegment(written).charAt(0))) {
                return TypeNames.resolveWritten(written, unit);
            }
        }
        return name;
    }

    private static String lastSegment(String s) {
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(dot + 1);
    }

    private static String stripGenerics(String s) {
        int i = s.indexOf('<');
        return i < 0 ? s : s.substring(0, i);
    }

    public List<? extends javax.lang.model.element.VariableElement> parameters() {
        return method == null ? List.of() : method.getParameters();
    }
}
