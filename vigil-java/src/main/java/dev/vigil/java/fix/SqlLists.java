package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The values of an SQL {@code IN (…)} list built by joining a collection: {@code String.join("','", regions)}
 * inside quotes, {@code String.join(",", ids)}, or a local collected by
 * {@code tags.stream().map(t -> "'" + t + "'").collect(Collectors.joining(","))}. The list becomes one
 * {@code ?} per element ({@code String.join(",", Collections.nCopies(n, "?"))}) and each element is bound.
 */
final class SqlLists {

    /**
     * The elements to bind.
     *
     * @param values Java code for the elements: an array or a {@code Collection} to loop over
     * @param elementType "String" when the elements are strings, else "Object"
     * @param size Java code for their number
     * @param asArray Java code giving them as an array (for varargs)
     * @param roots the variables the code reads (they must not change before the query runs)
     * @param local the local that held the joined text, whose initializer becomes the placeholders; null when
     *     the join is in the SQL concatenation itself
     */
    record Elements(String values, String elementType, String size, String asArray, List<ExpressionTree> roots,
                    VariableTree local) {
    }

    private SqlLists() {
    }

    /**
     * The elements joined by {@code value}, or null when it is not a joined list.
     *
     * @param quoted whether the value stands inside quotes ({@code IN ('" + … + "')}): then the separator must be
     *     {@code ','}; else each element must be quoted by the stream's last {@code map} or not at all
     */
    static Elements of(FixSite site, ExpressionTree value, boolean quoted) {
        ExpressionTree v = Splices.unwrap(value);
        if (v instanceof MethodInvocationTree join && isStringJoin(site, join)) {
            return joined(site, join, quoted, null);
        }
        if (quoted || !(v instanceof IdentifierTree id)) {
            return null;
        }
        Element element = site.element(id);
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (element == null || element.getKind() != ElementKind.LOCAL_VARIABLE || method == null) {
            return null;
        }
        VariableTree decl = Locals.declaration(site, method.getLeaf(), element);
        if (decl == null || decl.getInitializer() == null || Locals.assigned(site, method.getLeaf(), element)
                || site.references(decl, method.getLeaf()).size() != 1) {
            return null;
        }
        ExpressionTree init = Splices.unwrap(decl.getInitializer());
        if (init instanceof MethodInvocationTree join && isStringJoin(site, join)) {
            return joined(site, join, false, decl);
        }
        if (init instanceof MethodInvocationTree collect) {
            return collected(site, collect, decl);
        }
        return null;
    }

    private static Elements joined(FixSite site, MethodInvocationTree join, boolean quoted, VariableTree local) {
        String sep = Constants.string(site.unit(), join.getArguments().get(0)).orElse(null);
        if (sep == null || !(quoted ? sep.replace(" ", "").equals("','") : sep.strip().equals(","))) {
            return null;
        }
        ExpressionTree c = Splices.unwrap(join.getArguments().get(1));
        if (!(c instanceof IdentifierTree)) {
            return null;
        }
        String name = site.source(c);
        TypeMirror t = site.type(c);
        if (t instanceof ArrayType a) {
            return new Elements(name, isString(a.getComponentType()) ? "String" : "Object", name + ".length", name,
                    List.of(c), local);
        }
        String element = collectionElement(site, t);
        if (element == null) {
            return null;
        }
        return new Elements(name, element, name + ".size()", name + ".toArray()", List.of(c), local);
    }

    /** {@code c.stream().map(…)….collect(Collectors.joining(","))} with only {@code map} steps (they keep the count). */
    private static Elements collected(FixSite site, MethodInvocationTree collect, VariableTree local) {
        if (!(collect.getMethodSelect() instanceof MemberSelectTree cs) || !cs.getIdentifier().contentEquals("collect")
                || collect.getArguments().size() != 1
                || !(Splices.unwrap(collect.getArguments().get(0)) instanceof MethodInvocationTree joining)
                || !(joining.getMethodSelect() instanceof MemberSelectTree js)
                || !js.getIdentifier().contentEquals("joining") || joining.getArguments().size() != 1
                || !Constants.string(site.unit(), joining.getArguments().get(0)).map(s -> s.strip().equals(","))
                        .orElse(false)) {
            return null;
        }
        List<MethodInvocationTree> maps = new ArrayList<>();
        ExpressionTree e = cs.getExpression();
        while (e instanceof MethodInvocationTree m && m.getMethodSelect() instanceof MemberSelectTree ms
                && ms.getIdentifier().contentEquals("map") && m.getArguments().size() == 1) {
            maps.add(0, m);
            e = ms.getExpression();
        }
        if (!(e instanceof MethodInvocationTree stream) || !(stream.getMethodSelect() instanceof MemberSelectTree ss)
                || !ss.getIdentifier().contentEquals("stream") || !stream.getArguments().isEmpty()
                || !(Splices.unwrap(ss.getExpression()) instanceof IdentifierTree c)) {
            return null;
        }
        String element = collectionElement(site, site.type(c));
        if (element == null) {
            return null;
        }
        // The last map may put the quotes around each element: the bound values are what it quotes.
        String lastMapped = null;
        if (!maps.isEmpty()) {
            ExpressionTree inner = quotedBody(site, maps.get(maps.size() - 1).getArguments().get(0));
            if (inner != null) {
                LambdaExpressionTree lambda = (LambdaExpressionTree) maps.get(maps.size() - 1).getArguments().get(0);
                String param = lambda.getParameters().get(0).getName().toString();
                lastMapped = inner instanceof IdentifierTree i && i.getName().contentEquals(param) ? "" : ".map(" + param
                        + " -> " + site.source(inner) + ")";
                maps.remove(maps.size() - 1);
            }
        }
        for (MethodInvocationTree m : maps) {
            if (!plainFunction(m.getArguments().get(0))) {
                return null;
            }
        }
        String name = site.source(c);
        if (maps.isEmpty() && "".equals(lastMapped)) {
            return new Elements(name, element, name + ".size()", name + ".toArray()", List.of(c), local);
        }
        StringBuilder pipeline = new StringBuilder(name).append(".stream()");
        for (MethodInvocationTree m : maps) {
            pipeline.append(".map(").append(site.source(m.getArguments().get(0))).append(')');
        }
        if (lastMapped != null) {
            pipeline.append(lastMapped);
        }
        pipeline.append(".toArray()");
        return new Elements(pipeline.toString(), "Object", name + ".size()", pipeline.toString(), List.of(c), local);
    }

    /** The quoted expression of {@code t -> "'" + expr + "'"}, or null. */
    private static ExpressionTree quotedBody(FixSite site, ExpressionTree fn) {
        if (!(fn instanceof LambdaExpressionTree lambda) || lambda.getParameters().size() != 1
                || !(lambda.getBody() instanceof com.sun.source.tree.BinaryTree outer)
                || outer.getKind() != com.sun.source.tree.Tree.Kind.PLUS
                || !"'".equals(Constants.string(site.unit(), outer.getRightOperand()).orElse(null))
                || !(outer.getLeftOperand() instanceof com.sun.source.tree.BinaryTree left)
                || left.getKind() != com.sun.source.tree.Tree.Kind.PLUS
                || !"'".equals(Constants.string(site.unit(), left.getLeftOperand()).orElse(null))) {
            return null;
        }
        ExpressionTree inner = left.getRightOperand();
        return site.isString(inner) ? inner : null;
    }

    /** A method reference or an expression lambda: evaluated later, it still maps each element the same way. */
    private static boolean plainFunction(ExpressionTree fn) {
        return fn instanceof com.sun.source.tree.MemberReferenceTree || fn instanceof LambdaExpressionTree l
                && l.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION;
    }

    private static boolean isStringJoin(FixSite site, MethodInvocationTree call) {
        return call.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("join")
                && call.getArguments().size() == 2 && ms.getExpression().toString().equals("String")
                && site.isString(call);
    }

    /** "String" or "Object" for a {@code java.util.Collection}, null for any other type. */
    private static String collectionElement(FixSite site, TypeMirror t) {
        if (!(t instanceof DeclaredType d)) {
            return null;
        }
        Types types = site.unit().task().getTypes();
        var collection = site.unit().task().getElements().getTypeElement("java.util.Collection");
        if (collection == null || !types.isAssignable(types.erasure(t), types.erasure(collection.asType()))) {
            return null;
        }
        List<? extends TypeMirror> args = d.getTypeArguments();
        return args.size() == 1 && isString(args.get(0)) ? "String" : "Object";
    }

    private static boolean isString(TypeMirror t) {
        return t != null && t.getKind() == TypeKind.DECLARED && t.toString().equals("java.lang.String");
    }

}
