package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
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
            MethodInvocationTree path = pathWithBase(site, site.sink());
            if (path != null) {
                return normalizedPath(site, path);
            }
            if (site.sink().getLeaf() instanceof NewClassTree stream && concatenatedName(site, stream) != null) {
                return canonicalConcatenation(site, stream);
            }
            FixProposal viaLocal = pathLocal(site);
            if (viaLocal != null) {
                return viaLocal;
            }
            return site.notFixable("no base directory is identifiable (only new File(base, name), base.resolve(name),"
                    + " Paths.get(base, name) and Path.of(base, name) are rewritten); check the canonical path against"
                    + " the intended directory by hand");
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

    /**
     * {@code base.resolve(name)}, {@code Paths.get(base, name)} or {@code Path.of(base, name)}: the path is
     * normalized in a new local before the statement and rejected when it is not under the normalized base.
     * Lexical normalization removes every ".." (a name that is absolute replaces the base and fails the check
     * too), needs no IOException and keeps every path that stayed inside the base.
     */
    private FixProposal normalizedPath(FixSite site, MethodInvocationTree path) {
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the path is built inside an expression with no statement to check it before");
        }
        if (stmt.getLeaf() instanceof com.sun.source.tree.WhileLoopTree || stmt.getLeaf() instanceof com.sun.source.tree.ForLoopTree
                || stmt.getLeaf() instanceof com.sun.source.tree.DoWhileLoopTree || stmt.getLeaf() instanceof com.sun.source.tree.IfTree) {
            return site.notFixable("the path is built in a loop or branch condition; move it into a local first");
        }
        List<Edit> edits = new ArrayList<>();
        String name = site.freshName("path");
        edits.add(Edit.insert(site.start(stmt.getLeaf()), check(site, path, name, edits)));
        edits.add(Edit.replace(site.start(path), site.end(path), name));
        return site.edits("normalized path checked against the base directory", edits);
    }

    /**
     * A local holding {@code base.resolve(name)} (declared once in the method, never reassigned) that the
     * sink uses: its initializer is normalized and checked on the lines right after the declaration.
     */
    private FixProposal pathLocal(FixSite site) {
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null) {
            return null;
        }
        List<ExpressionTree> args = new ArrayList<>();
        if (site.sink().getLeaf() instanceof MethodInvocationTree call) {
            args.addAll(call.getArguments());
            if (call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms) {
                args.add(ms.getExpression());
            }
        } else if (site.sink().getLeaf() instanceof NewClassTree creation) {
            args.addAll(creation.getArguments());
        }
        for (ExpressionTree used : args) {
            // target.toString(), target.toFile(): the chain starts from the local.
            ExpressionTree arg = used;
            while (arg instanceof MethodInvocationTree c && c.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree cs) {
                arg = cs.getExpression();
            }
            if (!(arg instanceof com.sun.source.tree.IdentifierTree)) {
                continue;
            }
            javax.lang.model.element.Element local = site.element(arg);
            if (local == null || local.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE
                    || Locals.assigned(site, method.getLeaf(), local)) {
                continue;
            }
            com.sun.source.tree.VariableTree decl = Locals.declaration(site, method.getLeaf(), local);
            if (decl == null || decl.getInitializer() == null
                    || !(decl.getInitializer() instanceof MethodInvocationTree init)
                    || pathWithBase(site, site.path(init)) != init) {
                continue;
            }
            TreePath declPath = site.path(decl);
            if (declPath == null || !(declPath.getParentPath().getLeaf() instanceof com.sun.source.tree.BlockTree)
                    || !site.startsLine(site.start(decl))) {
                continue;
            }
            List<Edit> edits = new ArrayList<>();
            String name = decl.getName().toString();
            String sep = site.lineSeparator();
            String indent = site.indentation(site.start(decl));
            String base = baseOf(site, init);
            edits.add(Edit.insert(site.end(init), ".normalize()"));
            edits.add(Edit.insert(site.end(decl), sep + indent + "if (!" + name + ".startsWith(" + base + ")) {" + sep
                    + indent + "    throw new SecurityException(\"path escapes the base directory\");" + sep
                    + indent + "}"));
            return site.edits("normalized path checked against the base directory", edits);
        }
        return null;
    }

    private static String check(FixSite site, MethodInvocationTree path, String name, List<Edit> edits) {
        String pathType = site.typeName("java.nio.file.Path", edits);
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(site.enclosingStatement(site.sink()).orElseThrow().getLeaf()));
        return pathType + " " + name + " = " + site.source(path) + ".normalize();" + sep
                + indent + "if (!" + name + ".startsWith(" + baseOf(site, path) + ")) {" + sep
                + indent + "    throw new SecurityException(\"path escapes the base directory\");" + sep
                + indent + "}" + sep + indent;
    }

    /** The normalized base directory of a {@link #pathWithBase} call, as source text. */
    private static String baseOf(FixSite site, MethodInvocationTree path) {
        com.sun.source.tree.MemberSelectTree ms = (com.sun.source.tree.MemberSelectTree) path.getMethodSelect();
        if (ms.getIdentifier().contentEquals("resolve")) {
            return site.source(ms.getExpression()) + ".normalize()";
        }
        return site.source(ms) + "(" + site.source(path.getArguments().get(0)) + ").normalize()";
    }

    /**
     * The first {@code base.resolve(name)} on a Path, or two-argument {@code Paths.get}/{@code Path.of}, under
     * {@code from} whose base reads the same when evaluated twice (names, constants, pure calls on them).
     */
    private static MethodInvocationTree pathWithBase(FixSite site, TreePath from) {
        MethodInvocationTree[] found = new MethodInvocationTree[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                if (found[0] == null && node.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms
                        && node.getArguments().size() == (ms.getIdentifier().contentEquals("resolve") ? 1 : 2)) {
                    CallTarget target = CallTarget.of(site.unit(), getCurrentPath());
                    String name = ms.getIdentifier().toString();
                    boolean resolve = name.equals("resolve") && (target.declaringType().equals("java.nio.file.Path")
                            || isPath(site, ms.getExpression()))
                            && sideEffectFree(ms.getExpression());
                    boolean get = (name.equals("get") && target.declaringType().equals("java.nio.file.Paths")
                            || name.equals("of") && target.declaringType().equals("java.nio.file.Path"))
                            && sideEffectFree(node.getArguments().get(0));
                    if (resolve || get) {
                        found[0] = node;
                    }
                }
                return super.visitMethodInvocation(node, unused);
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
                return null;
            }
        }.scan(from, null);
        return found[0];
    }

    private static final Set<String> FILE_STREAMS = Set.of("java.io.FileInputStream", "java.io.FileOutputStream",
            "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile");

    /**
     * {@code new FileInputStream(base + name)} and the other file streams opened by a name concatenated to
     * a base (the leftmost operand): a {@code File} of the whole name is canonicalized, checked against the
     * canonical base and passed instead of the name (every such stream has the same constructor for a File).
     */
    private FixProposal canonicalConcatenation(FixSite site, NewClassTree stream) {
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the file is opened inside an expression with no statement to check it before");
        }
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null || !throwsIoException((MethodTree) method.getLeaf())) {
            return site.notFixable("the method does not declare IOException, which canonicalizing the path may throw");
        }
        ExpressionTree name = stream.getArguments().get(0);
        ExpressionTree base = concatenatedName(site, stream);
        List<Edit> edits = new ArrayList<>();
        String fileType = site.typeName("java.io.File", edits);
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(stmt.getLeaf()));
        String local = site.freshName("file");
        edits.add(Edit.insert(site.start(stmt.getLeaf()), fileType + " " + local + " = new " + fileType + "("
                + site.source(name) + ").getCanonicalFile();" + sep
                + indent + "if (!" + local + ".toPath().startsWith(new " + fileType + "(" + site.source(base)
                + ").getCanonicalFile().toPath())) {" + sep
                + indent + "    throw new SecurityException(\"path escapes the base directory\");" + sep
                + indent + "}" + sep + indent));
        edits.add(Edit.replace(site.start(name), site.end(name), local));
        return site.edits("canonical path checked against the base directory", edits);
    }

    /** For a file stream opened by {@code base + ...}, the base: a String operand that reads the same twice. */
    private static ExpressionTree concatenatedName(FixSite site, NewClassTree stream) {
        javax.lang.model.type.TypeMirror type = site.type(stream);
        if (stream.getArguments().isEmpty() || type == null || !FILE_STREAMS.contains(type.toString())
                || !(stream.getArguments().get(0) instanceof com.sun.source.tree.BinaryTree b)
                || b.getKind() != Tree.Kind.PLUS) {
            return null;
        }
        ExpressionTree left = b;
        while (left instanceof com.sun.source.tree.BinaryTree l && l.getKind() == Tree.Kind.PLUS) {
            left = l.getLeftOperand();
        }
        // A String leftmost operand makes the whole concatenation a String.
        return site.isString(left) && sideEffectFree(left) ? left : null;
    }

    /** Whether the expression's static type is Path (an argument of unresolved type leaves resolve unresolved). */
    private static boolean isPath(FixSite site, ExpressionTree e) {
        javax.lang.model.type.TypeMirror t = site.type(e);
        return t != null && t.toString().equals("java.nio.file.Path");
    }

    /** Names, literals and Paths.get/Path.of/normalize/toAbsolutePath over them: evaluating twice reads the same. */
    private static boolean sideEffectFree(ExpressionTree e) {
        if (e instanceof com.sun.source.tree.IdentifierTree || e instanceof com.sun.source.tree.LiteralTree) {
            return true;
        }
        if (e instanceof com.sun.source.tree.MemberSelectTree ms) {
            return sideEffectFree(ms.getExpression());
        }
        if (e instanceof com.sun.source.tree.ParenthesizedTree p) {
            return sideEffectFree(p.getExpression());
        }
        if (e instanceof com.sun.source.tree.BinaryTree b) {
            return sideEffectFree(b.getLeftOperand()) && sideEffectFree(b.getRightOperand());
        }
        if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms
                && Set.of("get", "of", "normalize", "toAbsolutePath", "getPath", "toPath").contains(ms.getIdentifier().toString())) {
            return sideEffectFree(ms.getExpression()) && call.getArguments().stream().allMatch(PathTraversalFix::sideEffectFree);
        }
        return false;
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
