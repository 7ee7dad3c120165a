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
            FixProposal prefixed = prefixedPath(site);
            if (prefixed != null) {
                return prefixed;
            }
            FixProposal whole = wholePath(site);
            if (whole != null) {
                return whole;
            }
            return site.notFixable("no base directory is identifiable (only new File(base, name), base.resolve(name),"
                    + " Paths.get(base, name), Path.of(base, name), paths built on a fixed directory and whole paths"
                    + " opened as a File, Path or file stream are rewritten); check the canonical path against the"
                    + " intended directory by hand");
        }
        TreePath stmt = statementBefore(site, site.path(file));
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the file is opened" + NO_STATEMENT);
        }
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null) {
            return site.notFixable("the file is not opened inside a method");
        }
        ExpressionTree base = file.getArguments().get(0);
        if (!stableBase(site, method.getLeaf(), base)) {
            return site.notFixable("the base directory expression may change; check the path by hand");
        }
        List<Edit> edits = new ArrayList<>();
        String fileType = site.typeName("java.io.File", edits);
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(stmt.getLeaf()));
        String name = site.freshName("file");
        if (!throwsIoException((MethodTree) method.getLeaf())) {
            // Canonicalizing may throw IOException, which this method does not declare: lexical normalization
            // removes every ".." just as well (it does not follow symbolic links) and throws nothing checked.
            String check = fileType + " " + name + " = " + site.source(file) + ";" + sep
                    + indent + "if (!" + name + ".toPath().normalize().startsWith(" + baseFile(site, base, fileType)
                    + ".toPath().normalize())) {" + sep
                    + indent + "    throw new SecurityException(\"path escapes the base directory\");" + sep
                    + indent + "}" + sep + indent;
            edits.add(Edit.insert(site.start(stmt.getLeaf()), check));
            edits.add(Edit.replace(site.start(file), site.end(file), name));
            return site.edits("normalized path checked against the base directory", edits);
        }
        String baseFile = baseFile(site, base, fileType);
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
        TreePath stmt = statementBefore(site, site.path(path));
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the path is built" + NO_STATEMENT);
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
            if (decl == null || decl.getInitializer() == null) {
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
            if (decl.getInitializer() instanceof NewClassTree created && created.getArguments().size() == 2
                    && CallTarget.ofNew(site.unit(), site.path(created)).declaringType().equals("java.io.File")
                    && stableBase(site, method.getLeaf(), created.getArguments().get(0))) {
                // File f = new File(base, name): checked right after its declaration, the File itself unchanged.
                String fileType = site.typeName("java.io.File", edits);
                edits.add(Edit.insert(site.end(decl), sep + indent + "if (!" + name + ".toPath().normalize().startsWith("
                        + baseFile(site, created.getArguments().get(0), fileType) + ".toPath().normalize())) {" + sep
                        + indent + "    throw new SecurityException(\"path escapes the base directory\");" + sep
                        + indent + "}"));
                return site.edits("normalized path checked against the base directory", edits);
            }
            if (!(decl.getInitializer() instanceof MethodInvocationTree init)
                    || pathWithBase(site, site.path(init)) != init) {
                continue;
            }
            String base = baseOf(site, init);
            edits.add(Edit.insert(site.end(init), ".normalize()"));
            edits.add(Edit.insert(site.end(decl), sep + indent + "if (!" + name + ".startsWith(" + base + ")) {" + sep
                    + indent + "    throw new SecurityException(\"path escapes the base directory\");" + sep
                    + indent + "}"));
            return site.edits("normalized path checked against the base directory", edits);
        }
        return null;
    }

    private static final String NO_STATEMENT = " where no statement before it always runs with it (in a lambda,"
            + " a ?: branch or on the right of && or ||)";

    /** Servlet resource lookups whose path argument is relative to the web application, not the file system. */
    private static final Set<String> RESOURCE_LOOKUPS = Set.of("getResource", "getResourceAsStream", "getRealPath",
            "getRequestDispatcher");

    /**
     * A path built on a fixed directory ({@code "/srv/uploads/" + name}, {@code "/WEB-INF/help/" + page + ".html"},
     * or a local every assignment of which is such a concatenation or a constant): it cannot leave that directory
     * unless a ".." segment climbs out, so the whole path is refused when it contains "..". The concatenation is
     * first held in a new local so that the check and the use see the same text; names without ".." behave as
     * before (a name with ".." inside, such as "a..b", is refused too).
     */
    private FixProposal prefixedPath(FixSite site) {
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        ExpressionTree arg = firstArgument(site.sink().getLeaf());
        if (arg == null && site.sink().getLeaf() instanceof MethodInvocationTree call
                && call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms) {
            arg = ms.getExpression(); // new File(name).length(): the path is the receiver's
        }
        if (method == null || arg == null) {
            return null;
        }
        ExpressionTree text = pathText(site, arg);
        if (text != null && prefixedConcatenation(site, text)) {
            return hoistAndCheck(site, site.sink(), text, "the path is built");
        }
        if (!(text instanceof com.sun.source.tree.IdentifierTree)) {
            return null;
        }
        javax.lang.model.element.Element local = site.element(text);
        if (local == null || local.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE) {
            return null;
        }
        List<ExpressionTree> defs = Locals.definitions(site, method.getLeaf(), local);
        if (defs == null || defs.isEmpty()) {
            return null;
        }
        if (defs.stream().allMatch(d -> Constants.string(site.unit(), d).filter(c -> !c.contains("..")).isPresent()
                || prefixedConcatenation(site, d)) && defs.stream().anyMatch(d -> prefixedConcatenation(site, d))) {
            TreePath stmt = statementBefore(site, site.sink());
            if (stmt == null || !site.startsLine(site.start(stmt.getLeaf())) || conditionOrHeader(stmt.getLeaf())) {
                return site.notFixable("the path is used" + NO_STATEMENT);
            }
            String indent = site.indentation(site.start(stmt.getLeaf()));
            return site.edits("path on a fixed directory refused when it contains \"..\"", List.of(Edit.insert(
                    site.start(stmt.getLeaf()), dotDotCheck(site, text.toString(), indent))));
        }
        // String file = context.getRealPath("/WEB-INF/help" + page): the resource path is checked where it is built.
        if (defs.size() == 1 && defs.get(0) instanceof MethodInvocationTree lookup
                && lookup.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms
                && RESOURCE_LOOKUPS.contains(ms.getIdentifier().toString()) && lookup.getArguments().size() == 1
                && prefixedConcatenation(site, lookup.getArguments().get(0))) {
            com.sun.source.tree.VariableTree decl = Locals.declaration(site, method.getLeaf(), local);
            if (decl != null && decl.getInitializer() == lookup && site.path(decl) != null) {
                return hoistAndCheck(site, site.path(decl), lookup.getArguments().get(0), "the resource path is built");
            }
        }
        return null;
    }

    /** Holds {@code concatenation} in a new local before the statement around {@code at} and checks it for "..". */
    private FixProposal hoistAndCheck(FixSite site, TreePath at, ExpressionTree concatenation, String what) {
        TreePath stmt = at.getLeaf() instanceof com.sun.source.tree.VariableTree
                && at.getParentPath().getLeaf() instanceof com.sun.source.tree.BlockTree
                ? at : statementBefore(site, site.path(concatenation));
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf())) || conditionOrHeader(stmt.getLeaf())) {
            return site.notFixable(what + NO_STATEMENT);
        }
        String indent = site.indentation(site.start(stmt.getLeaf()));
        String name = site.freshName("path");
        List<Edit> edits = new ArrayList<>();
        edits.add(Edit.insert(site.start(stmt.getLeaf()), "String " + name + " = " + site.source(concatenation) + ";"
                + site.lineSeparator() + indent + dotDotCheck(site, name, indent)));
        edits.add(Edit.replace(site.start(concatenation), site.end(concatenation), name));
        return site.edits("path on a fixed directory refused when it contains \"..\"", edits);
    }

    private static String dotDotCheck(FixSite site, String name, String indent) {
        String sep = site.lineSeparator();
        return "if (" + name + ".contains(\"..\")) {" + sep
                + indent + "    throw new SecurityException(\"path escapes the base directory\");" + sep
                + indent + "}" + sep + indent;
    }

    /**
     * A String concatenation whose leftmost operand is a constant naming a directory (it holds a '/') without
     * "..": whatever follows stays under that directory unless it climbs out with "..".
     */
    private static boolean prefixedConcatenation(FixSite site, ExpressionTree e) {
        ExpressionTree t = e;
        while (t instanceof com.sun.source.tree.ParenthesizedTree p) {
            t = p.getExpression();
        }
        if (!(t instanceof com.sun.source.tree.BinaryTree b) || b.getKind() != Tree.Kind.PLUS
                || Constants.value(site.unit(), t) != null) {
            return false;
        }
        ExpressionTree left = t;
        while (left instanceof com.sun.source.tree.BinaryTree l && l.getKind() == Tree.Kind.PLUS) {
            left = l.getLeftOperand();
        }
        return Constants.string(site.unit(), left).filter(c -> c.contains("/") && !c.contains("..")).isPresent();
    }

    /**
     * The path text behind a sink argument: the argument itself when it is a String (or a concatenation starting
     * with a String), or the one argument of {@code new File(x)}, {@code Paths.get(x)} or {@code Path.of(x)}.
     */
    private static ExpressionTree pathText(FixSite site, ExpressionTree arg) {
        ExpressionTree single = singlePathArgument(site, arg);
        if (single != null) {
            return single;
        }
        if (site.isString(arg) || arg instanceof com.sun.source.tree.BinaryTree) {
            return arg;
        }
        return null;
    }

    /** The x of {@code new File(x)}, {@code Paths.get(x)} or {@code Path.of(x)}, else null. */
    private static ExpressionTree singlePathArgument(FixSite site, ExpressionTree e) {
        TreePath p = site.path(e);
        if (p == null) {
            return null;
        }
        if (e instanceof NewClassTree nc && nc.getArguments().size() == 1
                && CallTarget.ofNew(site.unit(), p).declaringType().equals("java.io.File")) {
            return nc.getArguments().get(0);
        }
        if (e instanceof MethodInvocationTree call && call.getArguments().size() == 1
                && call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms) {
            String type = CallTarget.of(site.unit(), p).declaringType();
            if (ms.getIdentifier().contentEquals("get") && type.equals("java.nio.file.Paths")
                    || ms.getIdentifier().contentEquals("of") && type.equals("java.nio.file.Path")) {
                return call.getArguments().get(0);
            }
        }
        return null;
    }

    private static ExpressionTree firstArgument(Tree sink) {
        if (sink instanceof MethodInvocationTree call && !call.getArguments().isEmpty()) {
            return call.getArguments().get(0);
        }
        if (sink instanceof NewClassTree nc && !nc.getArguments().isEmpty()) {
            return nc.getArguments().get(0);
        }
        return null;
    }

    /**
     * The statement around {@code expr} (directly in a block) when running the statement always evaluates
     * {@code expr}: not when it sits in a branch of {@code ?:} or on the right of {@code &&} / {@code ||}, where
     * a check moved before the statement would run for values the code never used.
     */
    private static TreePath statementBefore(FixSite site, TreePath expr) {
        TreePath stmt = expr == null ? null : site.enclosingStatement(expr).orElse(null);
        if (stmt == null) {
            return null;
        }
        for (TreePath p = expr; p.getParentPath() != null && p.getLeaf() != stmt.getLeaf(); p = p.getParentPath()) {
            Tree parent = p.getParentPath().getLeaf();
            if (parent instanceof com.sun.source.tree.ConditionalExpressionTree c && p.getLeaf() != c.getCondition()
                    || parent instanceof com.sun.source.tree.BinaryTree b && p.getLeaf() == b.getRightOperand()
                    && (b.getKind() == Tree.Kind.CONDITIONAL_AND || b.getKind() == Tree.Kind.CONDITIONAL_OR)) {
                return null;
            }
        }
        return stmt;
    }

    private static boolean conditionOrHeader(Tree stmt) {
        return stmt instanceof com.sun.source.tree.WhileLoopTree || stmt instanceof com.sun.source.tree.ForLoopTree
                || stmt instanceof com.sun.source.tree.DoWhileLoopTree || stmt instanceof com.sun.source.tree.IfTree
                || stmt instanceof com.sun.source.tree.EnhancedForLoopTree || stmt instanceof com.sun.source.tree.SwitchTree;
    }

    /**
     * A whole path from input, with no base in the code ({@code Path.of(target)}, {@code new File(name)}, a file
     * stream opened by name, or a local initialized by one): a relative name resolves against the working
     * directory, so that is the base the code implies. The path is checked, not changed: its absolute, normalized
     * form must lie under the working directory, so relative names that stay inside work as before while
     * absolute paths elsewhere and ".." that climbs out are refused.
     * <pre>
     * // A path from input may only name a file under the working directory, where a relative name resolves.
     * Path path = Path.of(target);
     * if (!path.toAbsolutePath().normalize().startsWith(Paths.get("").toAbsolutePath())) {
     *     throw new SecurityException("path escapes the working directory");
     * }
     * </pre>
     */
    private FixProposal wholePath(FixSite site) {
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null) {
            return null;
        }
        if (!sourceInMethod(site, method)) {
            // A helper given its path by callers: limiting it here would limit every caller, trusted ones too.
            FixProposal fix = wholePathCheck(site, method);
            return fix == null ? null : site.notFixable("the whole path comes from a caller of "
                    + ((MethodTree) method.getLeaf()).getName() + "; limiting it here would limit every caller: check"
                    + " the path where the input is read");
        }
        return wholePathCheck(site, method);
    }

    /** Whether the finding's source (its first flow step) lies inside the method that holds the sink. */
    private static boolean sourceInMethod(FixSite site, TreePath method) {
        List<dev.vigil.core.finding.FlowStep> flow = site.finding().flow();
        if (flow.isEmpty()) {
            return false;
        }
        dev.vigil.core.finding.Location source = flow.get(0).location();
        String text = site.text();
        int first = FixVerifier.lineOf(text, site.start(method.getLeaf()));
        int last = FixVerifier.lineOf(text, site.end(method.getLeaf()));
        return source.file().equals(site.finding().location().file()) && first <= source.startLine()
                && source.startLine() <= last;
    }

    private FixProposal wholePathCheck(FixSite site, TreePath method) {
        Tree leaf = site.sink().getLeaf();
        List<ExpressionTree> candidates = new ArrayList<>();
        if (leaf instanceof ExpressionTree e) {
            candidates.add(e);
        }
        ExpressionTree first = firstArgument(leaf);
        if (first != null) {
            candidates.add(first);
        }
        if (leaf instanceof MethodInvocationTree call
                && call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms) {
            candidates.add(ms.getExpression());
        }
        List<Edit> edits = new ArrayList<>();
        String sep = site.lineSeparator();
        for (ExpressionTree c : candidates) {
            // A local initialized by new File(x) / Paths.get(x) / Path.of(x) and never reassigned: check after it.
            if (c instanceof com.sun.source.tree.IdentifierTree) {
                javax.lang.model.element.Element local = site.element(c);
                if (local == null || local.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE
                        || Locals.assigned(site, method.getLeaf(), local)) {
                    continue;
                }
                com.sun.source.tree.VariableTree decl = Locals.declaration(site, method.getLeaf(), local);
                if (decl == null || decl.getInitializer() == null
                        || !wholeInput(site, singlePathArgument(site, decl.getInitializer())) || site.path(decl) == null
                        || !(site.path(decl).getParentPath().getLeaf() instanceof com.sun.source.tree.BlockTree)
                        || !site.startsLine(site.start(decl))) {
                    continue;
                }
                String indent = site.indentation(site.start(decl));
                String name = decl.getName().toString();
                edits.add(Edit.insert(site.start(decl), WORKING_DIRECTORY_COMMENT + sep + indent));
                edits.add(Edit.insert(site.end(decl), sep + indent + workingDirectoryCheck(site, name,
                        isFile(site, decl.getInitializer()), indent, edits)));
                return site.edits("path from input checked against the working directory", edits);
            }
            ExpressionTree opened = c;
            ExpressionTree whole = singlePathArgument(site, c);
            boolean file;
            if (whole != null) {
                file = isFile(site, c);
            } else if (c instanceof NewClassTree stream && stream.getArguments().size() >= 1 && site.type(stream) != null
                    && FILE_STREAMS.contains(site.type(stream).toString()) && site.isString(stream.getArguments().get(0))) {
                whole = stream.getArguments().get(0);
                opened = whole;
                file = true;
            } else {
                continue;
            }
            if (!wholeInput(site, whole)) {
                continue;
            }
            TreePath stmt = statementBefore(site, site.path(opened));
            if (stmt == null || !site.startsLine(site.start(stmt.getLeaf())) || conditionOrHeader(stmt.getLeaf())) {
                return site.notFixable("the path is opened" + NO_STATEMENT);
            }
            String indent = site.indentation(site.start(stmt.getLeaf()));
            String type = file ? site.typeName("java.io.File", edits) : site.typeName("java.nio.file.Path", edits);
            String name = site.freshName(file ? "file" : "path");
            String init = opened == whole && file ? "new " + type + "(" + site.source(whole) + ")" : site.source(opened);
            edits.add(Edit.insert(site.start(stmt.getLeaf()), WORKING_DIRECTORY_COMMENT + sep + indent
                    + type + " " + name + " = " + init + ";" + sep + indent
                    + workingDirectoryCheck(site, name, file, indent, edits) + sep + indent));
            edits.add(Edit.replace(site.start(opened), site.end(opened), name));
            return site.edits("path from input checked against the working directory", edits);
        }
        return null;
    }

    private static final String WORKING_DIRECTORY_COMMENT =
            "// A path from input may only name a file under the working directory, where a relative name resolves.";

    private static String workingDirectoryCheck(FixSite site, String name, boolean file, String indent, List<Edit> edits) {
        String sep = site.lineSeparator();
        String paths = site.typeName("java.nio.file.Paths", edits);
        return "if (!" + name + (file ? ".toPath()" : "") + ".toAbsolutePath().normalize().startsWith(" + paths
                + ".get(\"\").toAbsolutePath())) {" + sep
                + indent + "    throw new SecurityException(\"path escapes the working directory\");" + sep
                + indent + "}";
    }

    private static boolean isFile(FixSite site, ExpressionTree e) {
        return e instanceof NewClassTree;
    }

    /** A whole path that is not fixed text nor built on a fixed directory: a String variable or call result. */
    private static boolean wholeInput(FixSite site, ExpressionTree e) {
        return e != null && site.isString(e) && Constants.value(site.unit(), e) == null
                && !(e instanceof com.sun.source.tree.BinaryTree);
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
        TreePath stmt = statementBefore(site, site.path(stream));
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the file is opened" + NO_STATEMENT);
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

    /**
     * The {@code new File(base, name)} at the sink: the sink itself or one of its arguments. Of several,
     * the one the finding's flow passes through (a step at its position), else the first whose name is
     * not a constant.
     */
    private static NewClassTree fileWithBase(FixSite site) {
        List<NewClassTree> found = new ArrayList<>();
        new Locals.OwnCodeScanner() {
            @Override
            public Void visitNewClass(NewClassTree node, Void unused) {
                if (node.getArguments().size() == 2
                        && CallTarget.ofNew(site.unit(), getCurrentPath()).declaringType().equals("java.io.File")) {
                    found.add(node);
                }
                return super.visitNewClass(node, unused);
            }
        }.scan(site.sink(), null);
        if (found.size() <= 1) {
            return found.isEmpty() ? null : found.get(0);
        }
        for (dev.vigil.core.finding.FlowStep step : site.finding().flow()) {
            dev.vigil.core.finding.Location l = step.location();
            if (!l.file().equals(site.finding().location().file())) {
                continue;
            }
            int at = FixEngine.offset(site.text(), l.startLine(), l.startColumn());
            for (NewClassTree nc : found) {
                if (site.start(nc) == at) {
                    return nc;
                }
            }
        }
        for (NewClassTree nc : found) {
            if (Constants.value(site.unit(), nc.getArguments().get(1)) == null) {
                return nc;
            }
        }
        return found.get(0);
    }

    /**
     * Whether a base directory reads the same when evaluated again for the check: stable locals and
     * parameters, fields, constants, and getters without arguments on those ({@code job.getRootDir()}).
     */
    private static boolean stableBase(FixSite site, Tree method, ExpressionTree base) {
        if (Locals.stable(site, method, base) || sideEffectFree(base)) {
            return true; // names (fields included), constants, and Paths.get/normalize/getPath on those
        }
        return base instanceof MethodInvocationTree call && call.getArguments().isEmpty()
                && call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms
                && ms.getIdentifier().toString().matches("(get|to)[A-Z].*")
                && (Locals.stable(site, method, ms.getExpression()) || sideEffectFree(ms.getExpression()));
    }

    /**
     * The base directory as a File, written as source: a String base is wrapped, a File base kept; a base of a
     * type unknown without the project's dependencies is written {@code new File(base, "")}, the same File for
     * either (an empty child names the parent itself) under the constructor overload the code already uses.
     */
    private static String baseFile(FixSite site, ExpressionTree base, String fileType) {
        javax.lang.model.type.TypeMirror t = site.type(base);
        if (site.isString(base)) {
            return "new " + fileType + "(" + site.source(base) + ")";
        }
        if (t != null && t.toString().equals("java.io.File")) {
            return site.source(base);
        }
        return "new " + fileType + "(" + site.source(base) + ", \"\")";
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
