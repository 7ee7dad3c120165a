package dev.vigil.java.taint;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.vigil.core.finding.Location;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.ExecutableElement;

/**
 * MyBatis annotated mappers: in the SQL of {@code @Select}, {@code @Update}, {@code @Insert} and
 * {@code @Delete}, {@code #{x}} is a bound parameter but {@code ${x}} is pasted into the statement text.
 * A call to a mapper method whose SQL substitutes a parameter with {@code ${}} is an SQL injection sink
 * for the argument it names.
 */
public final class MyBatis {

    private static final Set<String> STATEMENTS = Set.of("Select", "Update", "Insert", "Delete");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\s*([A-Za-z_$][\\w$]*)");

    private MyBatis() {
    }

    static void check(MethodAnalyzer a, ExecutableElement ex, List<Value> args, Location loc, TreePath call) {
        if (ex == null || args.isEmpty()) {
            return;
        }
        String[] statement = statement(a.unit().trees(), ex);
        if (statement == null) {
            return;
        }
        MethodTree m = (MethodTree) a.unit().trees().getTree(ex);
        Matcher mt = SUBSTITUTION.matcher(statement[1]);
        while (mt.find()) {
            int index = parameter(m, mt.group(1));
            if (index < 0 || index >= args.size()) {
                continue;
            }
            for (TaintFlow f : args.get(index).deepTaint().flows()) {
                a.sink("java/sql-injection", f, loc, "${" + mt.group(1) + "} in @" + statement[0] + " of mapper method "
                        + m.getName(), a.member(), call);
            }
        }
    }

    /**
     * The statement annotation ({@code Select}…) and its SQL (array parts joined by spaces) of a MyBatis
     * mapper method declared in the sources, or null when the method is not one.
     */
    public static String[] statement(com.sun.source.util.Trees trees, ExecutableElement ex) {
        TreePath path = ex == null ? null : trees.getPath(ex);
        if (path == null || !(path.getLeaf() instanceof MethodTree m) || m.getBody() != null
                || !importsIbatis(path.getCompilationUnit())) {
            return null;
        }
        for (AnnotationTree an : m.getModifiers().getAnnotations()) {
            String type = an.getAnnotationType().toString();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            if (!STATEMENTS.contains(simple) || !(type.equals(simple) || type.startsWith("org.apache.ibatis."))) {
                continue;
            }
            StringBuilder sql = new StringBuilder();
            for (ExpressionTree arg : an.getArguments()) {
                ExpressionTree value = arg instanceof AssignmentTree as ? as.getExpression() : arg;
                if (arg instanceof AssignmentTree as && !as.getVariable().toString().equals("value")) {
                    continue;
                }
                text(value, sql);
            }
            return new String[] {simple, sql.toString().strip()};
        }
        return null;
    }

    /** The index of the parameter {@code ${name}} refers to in a mapper method declared in the sources, or -1. */
    public static int parameterIndex(com.sun.source.util.Trees trees, ExecutableElement ex, String name) {
        return trees.getTree(ex) instanceof MethodTree m ? parameter(m, name) : -1;
    }

    private static boolean importsIbatis(com.sun.source.tree.CompilationUnitTree cu) {
        for (com.sun.source.tree.ImportTree i : cu.getImports()) {
            if (i.getQualifiedIdentifier().toString().startsWith("org.apache.ibatis.annotations.")) {
                return true;
            }
        }
        return false;
    }

    /** The parameter ${name} refers to: by @Param, else by parameter name, else the only parameter. */
    private static int parameter(MethodTree m, String name) {
        List<? extends VariableTree> params = m.getParameters();
        for (int i = 0; i < params.size(); i++) {
            for (AnnotationTree an : params.get(i).getModifiers().getAnnotations()) {
                String type = an.getAnnotationType().toString();
                if ((type.equals("Param") || type.endsWith(".Param")) && an.getArguments().size() == 1) {
                    ExpressionTree v = an.getArguments().get(0);
                    if (v instanceof AssignmentTree as) {
                        v = as.getExpression();
                    }
                    if (v instanceof LiteralTree lit && name.equals(lit.getValue())) {
                        return i;
                    }
                }
            }
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).getName().contentEquals(name)) {
                return i;
            }
        }
        return params.size() == 1 ? 0 : -1; // ${prop} of the single parameter object
    }

    private static void text(ExpressionTree e, StringBuilder out) {
        if (e instanceof LiteralTree lit && lit.getValue() instanceof String s) {
            out.append(s).append(' ');
        } else if (e instanceof NewArrayTree arr && arr.getInitializers() != null) {
            for (ExpressionTree x : arr.getInitializers()) {
                text(x, out);
            }
        } else if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            text(b.getLeftOperand(), out);
            text(b.getRightOperand(), out);
        }
    }
}
