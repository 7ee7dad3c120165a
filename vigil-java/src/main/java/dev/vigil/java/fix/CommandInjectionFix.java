package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/command-injection where a command line is a fixed command with input appended
 * ({@code exec("ping -c 1 " + host)}, {@code new ProcessBuilder("sh", "-c", "traceroute " + host)}): each
 * String local spliced in is checked first against an allow-list of plain names and numbers (letters,
 * digits, '.', '_' and '-', not starting with '-' so it cannot become an option) and refused otherwise:
 * <pre>
 * // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | &amp; $ or options).
 * if (!host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
 *     throw new IllegalArgumentException("value not allowed in the command line");
 * }
 * </pre>
 * Host names, file names and numbers pass unchanged; if the command needs other values the allow-list is the
 * place to widen, deliberately. A command that is wholly input, or input that is not a local, is refused.
 */
final class CommandInjectionFix implements FixRecipe {

    static final String ALLOWED = "[A-Za-z0-9._][A-Za-z0-9._-]*";

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/command-injection");
    }

    @Override
    public FixProposal propose(FixSite site) {
        Map<String, ExpressionTree> spliced = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitBinary(BinaryTree node, Void unused) {
                if (node.getKind() != Tree.Kind.PLUS || !site.isString(node)) {
                    return super.visitBinary(node, unused);
                }
                List<ExpressionTree> operands = new ArrayList<>();
                flatten(node, operands);
                if (Constants.string(site.unit(), operands.get(0)).isEmpty()) {
                    problems.add("the command itself (`" + site.source(operands.get(0)) + "`) comes from a variable");
                    return null;
                }
                for (ExpressionTree op : operands) {
                    if (Constants.value(site.unit(), op) != null || !site.isString(op) && site.type(op) != null
                            && site.type(op).getKind().isPrimitive()) {
                        continue; // fixed text, or a number that cannot carry shell syntax
                    }
                    Element e = op instanceof IdentifierTree ? site.element(op) : null;
                    if (e == null || !site.isString(op)
                            || e.getKind() != ElementKind.LOCAL_VARIABLE && e.getKind() != ElementKind.PARAMETER) {
                        problems.add("`" + site.source(op) + "` is not a String local to check");
                    } else {
                        spliced.putIfAbsent(e.getSimpleName().toString(), op);
                    }
                }
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                return null;
            }
        }.scan(site.sink(), null);
        if (!problems.isEmpty()) {
            return site.notFixable(problems.get(0) + "; only a fixed command with String locals appended is checked"
                    + " mechanically");
        }
        if (spliced.isEmpty()) {
            return site.notFixable("the command line is not a fixed command with input appended; run a fixed program"
                    + " and check each argument against an allow-list by hand");
        }
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the command runs inside an expression with no statement to check it before");
        }
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(stmt.getLeaf()));
        StringBuilder check = new StringBuilder("// Allow-list: only plain names and numbers reach the command line"
                + " (no spaces, quotes, ; | & $ or options)." + sep + indent);
        for (String name : spliced.keySet()) {
            check.append("if (!").append(name).append(".matches(").append(FixSite.literal(ALLOWED)).append(")) {").append(sep)
                    .append(indent).append("    throw new IllegalArgumentException(\"value not allowed in the command line\");")
                    .append(sep).append(indent).append("}").append(sep).append(indent);
        }
        return site.edits("allow-list check of " + String.join(", ", spliced.keySet()) + " before the command runs",
                List.of(Edit.insert(site.start(stmt.getLeaf()), check.toString())));
    }

    private static void flatten(ExpressionTree e, List<ExpressionTree> out) {
        if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            flatten(b.getLeftOperand(), out);
            flatten(b.getRightOperand(), out);
        } else if (e instanceof com.sun.source.tree.ParenthesizedTree p) {
            flatten(p.getExpression(), out);
        } else {
            out.add(e);
        }
    }
}
