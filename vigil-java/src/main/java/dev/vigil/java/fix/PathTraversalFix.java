package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * java/path-traversal: {@code new File(base, name)} becomes a file canonicalized before use and
 * rejected when it escapes the canonical base directory:
 * <pre>
 * File file = new File(base, name).getCanonicalFile();
 * if (!file.toPath().startsWith(new File(base).getCanonicalFile().toPath())) {
 *     throw new SecurityException("path escapes the base directory");
 * }
 * </pre>
 * Only where a base directory is identifiable (the two-argument File constructor) and the method may
 * throw IOException (canonicalization can fail); names that stay inside the base behave as before.
 */
final class PathTraversalFix implements FixRecipe {

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/path-traversal");
    }

    @Override
    public FixProposal propose(FixSite site) {
        NewClassTree file = fileWithBase(site);
        if (file == null) {
            return site.notFixable("no base directory is identifiable (only new File(base, name) is rewritten);"
                    + " check the canonical path against the intended directory by hand");
        }
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the file is opened inside an expression with no statement to check it before");
        }
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null || !throwsIoException((MethodTree) method.getLeaf())) {
            return site.notFixable("the method does not declare IOException, which canonicalizing the path may throw");
        }
        ExpressionTree base = file.getArguments().get(0);
        if (!Locals.stable(site, method.getLeaf(), base) && !(base instanceof com.sun.source.tree.MemberSelectTree)
                && site.element(base) == null) {
            return site.notFixable("the base directory expression may change; check the path by hand");
        }
        List<Edit> edits = new ArrayList<>();
        String fileType = site.typeName("java.io.File", edits);
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(stmt.getLeaf()));
        String name = site.freshName("file");
        String baseText = site.source(base);
        String baseFile = site.isString(base) ? "new " + fileType + "(" + baseText + ")" : baseText;
        String check = fileType + " " + name + " = " + site.source(file) + ".getCanonicalFile();" + sep
                + indent + "if (!" + name + ".toPath().startsWith(" + baseFile + ".getCanonicalFile().toPath())) {" + sep
                + indent + "    throw new SecurityException(\"path escapes the base directory\");" + sep
                + indent + "}" + sep + indent;
        edits.add(Edit.insert(site.start(stmt.getLeaf()), check));
        edits.add(Edit.replace(site.start(file), site.end(file), name));
        return site.edits("canonical path checked against the base directory", edits);
    }

    /** The {@code new File(base, name)} at the sink: the sink itself or one of its arguments. */
    private static NewClassTree fileWithBase(FixSite site) {
        NewClassTree[] found = new NewClassTree[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitNewClass(NewClassTree node, Void unused) {
                if (found[0] == null && node.getArguments().size() == 2
                        && CallTarget.ofNew(site.unit(), getCurrentPath()).declaringType().equals("java.io.File")) {
                    found[0] = node;
                }
                return super.visitNewClass(node, unused);
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
                return null;
            }
        }.scan(site.sink(), null);
        return found[0];
    }

    private static boolean throwsIoException(MethodTree m) {
        for (Tree t : m.getThrows()) {
            String s = t.toString();
            if (s.equals("IOException") || s.equals("java.io.IOException") || s.equals("Exception")
                    || s.equals("java.lang.Exception") || s.equals("Throwable")) {
                return true;
            }
        }
        return false;
    }
}
