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
        TreePath path = unit.path(call);
        return path == null ? unattributed(unit, call) : of(unit, path);
    }

    /** The target of the call at {@code path} (a {@link MethodInvocationTree} leaf), without searching the unit for it. */
    public static CallTarget of(ParsedUnit unit, TreePath path) {
        if (path.getLeaf() instanceof NewClassTree creation) {
            return of(unit, creation, path);
        }
        MethodInvocationTree call = (MethodInvocationTree) path.getLeaf();
        ExpressionTree select = call.getMethodSelect();
        String name = methodName(select);
        String receiverType = select instanceof MemberSelectTree ms
                ? typeOf(unit, new TreePath(new TreePath(path, select), ms.getExpression())) : "";
        ExecutableElement method = null;
        String declaring = receiverType;
        Element e = unit.trees().getElement(new TreePath(path, select));
        if (e instanceof ExecutableElement ex && ex.getEnclosingElement() != null) {
            method = ex;
            if (ex.getEnclosingElement() instanceof TypeElement te) {
                declaring = te.getQualifiedName().toString();
            }
        }
        return new CallTarget(declaring, receiverType, name, call.getArguments().size(), method);
    }

    private static String methodName(ExpressionTree select) {
        if (select instanceof MemberSelectTree ms) {
            return ms.getIdentifier().toString();
        }
        if (select instanceof IdentifierTree id) {
            return id.getName().toString();
        }
        return select.toString();
    }

    /** A call whose tree is not part of the unit (a synthetic tree): only its written shape is known. */
    private static CallTarget unattributed(ParsedUnit unit, MethodInvocationTree call) {
        ExpressionTree select = call.getMethodSelect();
        String receiverType = select instanceof MemberSelectTree ms ? typeOf(unit, ms.getExpression()) : "";
        return new CallTarget(receiverType, receiverType, methodName(select), call.getArguments().size(), null);
    }

    public static CallTarget of(ParsedUnit unit, NewClassTree creation) {
        return of(unit, creation, unit.path(creation));
    }

    private static CallTarget of(ParsedUnit unit, NewClassTree creation, TreePath path) {
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
