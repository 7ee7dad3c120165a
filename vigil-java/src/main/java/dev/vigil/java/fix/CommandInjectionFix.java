package dev.vigil.java.fix;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeMirror;

/**
 * java/command-injection: every String value from a variable that reaches the command line as an argument, or
 * spliced into a fixed command ({@code exec("ping -c 1 " + host)}, {@code new ProcessBuilder("sh", "-c",
 * "traceroute " + host)}, {@code new ProcessBuilder("convert", input, "out." + format)}, a {@code String[]} or
 * {@code List} of arguments built in the method), is checked first against an allow-list of plain names and
 * numbers (letters, digits, '.', '_' and '-', not starting with '-' so it cannot become an option) and refused
 * otherwise:
 * <pre>
 * // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | &amp; $ or options).
 * if (!host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
 *     throw new IllegalArgumentException("value not allowed in the command line");
 * }
 * </pre>
 * The check goes before the first statement that puts a value into the command (a local command string, array or
 * list is followed to where it is built). Host names, file names and numbers pass unchanged; if the command
 * needs other values the allow-list is the place to widen, deliberately. The program itself (the first word or
 * element) is left as it is when it is a variable: a configured tool ({@code toolHome + "/bin/mvn"}) stays
 * configurable, and if input chose it the verifier sees the finding remain and rejects the fix. A command-line
 * local that holds either a command the code names or a whole value from input is limited to the commands the
 * code names. Any other command line that is wholly input, or input that is not a String variable, is refused:
 * no allow-list of words makes running a chosen program safe.
 */
final class CommandInjectionFix implements FixRecipe {

    static final String ALLOWED = "[A-Za-z0-9._][A-Za-z0-9._-]*";

    /** Array or list locals and the string locals that build commands are followed this deep. */
    private static final int MAX_DEPTH = 4;

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/command-injection");
    }

    /** The allow-list check of one String variable, as lines that start with the indentation already written. */
    static String allowListCheck(String variable, String indent, String sep) {
        return AllowListCheck.test(variable, ALLOWED, "value not allowed in the command line", sep, indent);
    }

    /** What the command is made of: the String variables to check, where they enter it, and what blocks a fix. */
    private static final class Parts {
        final Map<Element, String> values = new LinkedHashMap<>();
        final List<Tree> uses = new ArrayList<>();
        final List<String> programs = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
    }

    @Override
    public FixProposal propose(FixSite site) {
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        TreePath sinkStmt = site.enclosingStatement(site.sink()).orElse(null);
        if (method == null || sinkStmt == null) {
            return site.notFixable("the command runs inside a lambda or initializer with no statement to check it before");
        }
        for (TreePath p = site.sink(); p.getParentPath() != null && p.getLeaf() != sinkStmt.getLeaf();
                p = p.getParentPath()) {
            Tree parent = p.getParentPath().getLeaf();
            if (parent instanceof ConditionalExpressionTree c && p.getLeaf() != c.getCondition()
                    || parent instanceof BinaryTree b && p.getLeaf() == b.getRightOperand()
                    && (b.getKind() == Tree.Kind.CONDITIONAL_AND || b.getKind() == Tree.Kind.CONDITIONAL_OR)) {
                // A check before the statement would refuse values on runs that never start the command.
                return site.notFixable("the command runs only on some evaluations of its statement (a ?: branch or"
                        + " the right of && or ||); move it into a statement of its own first");
            }
        }
        Parts parts = new Parts();
        List<? extends ExpressionTree> args = arguments(site.sink().getLeaf());
        for (int i = 0; i < args.size(); i++) {
            // Runtime.exec(cmd, envp, dir): only the first argument is the command.
            if (isExec(site.sink().getLeaf()) && i > 0) {
                break;
            }
            part(site, method.getLeaf(), args.get(i), i == 0 || shellScript(site, args, i), parts, 0);
        }
        if (!parts.problems.isEmpty()) {
            return site.notFixable(parts.problems.get(0) + "; only String variables in the arguments of a fixed or"
                    + " configured program are checked mechanically");
        }
        if (parts.values.isEmpty()) {
            FixProposal known = knownCommands(site, method.getLeaf(), sinkStmt, args);
            if (known != null) {
                return known;
            }
            String program = parts.programs.isEmpty() ? "" : " (`" + parts.programs.get(0) + "`)";
            return site.notFixable("the whole command line" + program + " comes from a variable, not a fixed program"
                    + " with arguments; an allow-list of words cannot make that safe: choose the program in code and"
                    + " check each argument by hand");
        }
        TreePath at = insertionPoint(site, sinkStmt, parts.uses);
        if (at == null || !site.startsLine(site.start(at.getLeaf()))) {
            return site.notFixable("the values enter the command in different blocks with no one statement before all"
                    + " of them to check them");
        }
        int offset = site.start(at.getLeaf());
        for (Element value : parts.values.keySet()) {
            String problem = stableUntil(site, method.getLeaf(), value, offset);
            if (problem != null) {
                return site.notFixable(problem);
            }
        }
        String sep = site.lineSeparator();
        String indent = site.indentation(offset);
        StringBuilder check = new StringBuilder("// Allow-list: only plain names and numbers reach the command line"
                + " (no spaces, quotes, ; | & $ or options)." + sep + indent);
        for (String name : parts.values.values()) {
            check.append(allowListCheck(name, indent, sep));
        }
        String description = "allow-list check of " + String.join(", ", parts.values.values()) + " before the command"
                + " runs" + (parts.programs.isEmpty() ? "" : " (the program `" + parts.programs.get(0)
                + "` is not input here and is left as it is)");
        return site.edits(description, List.of(Edit.insert(offset, check.toString())));
    }

    /**
     * A command-line local that holds either a command the code itself names or a whole value from elsewhere
     * ({@code String cmd = "uptime"; if (debug) cmd = header;}): only the command lines the code names may run.
     * <pre>
     * // Allow-list: only the command lines this code names may run; input cannot choose another.
     * if (!Arrays.asList("uptime").contains(cmd)) {
     *     throw new IllegalArgumentException("command not allowed");
     * }
     * </pre>
     */
    private static FixProposal knownCommands(FixSite site, Tree method, TreePath sinkStmt,
                                             List<? extends ExpressionTree> args) {
        if (args.size() != 1 || !(strip(args.get(0)) instanceof IdentifierTree id) || !site.isString(id)) {
            return null;
        }
        Element local = site.element(id);
        if (local == null || local.getKind() != ElementKind.LOCAL_VARIABLE) {
            return null;
        }
        List<ExpressionTree> defs = Locals.definitions(site, method, local);
        if (defs == null) {
            return null;
        }
        List<String> known = new ArrayList<>();
        for (ExpressionTree d : defs) {
            Constants.string(site.unit(), d).filter(c -> !known.contains(c)).ifPresent(known::add);
            if (builtFromParts(site, d) && Constants.value(site.unit(), strip(d)) == null) {
                return null; // a built command line: its values are what to check
            }
        }
        if (known.isEmpty() || known.size() == defs.size() || !site.startsLine(site.start(sinkStmt.getLeaf()))) {
            return null;
        }
        List<Edit> edits = new ArrayList<>();
        String arrays = site.typeName("java.util.Arrays", edits);
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(sinkStmt.getLeaf()));
        String list = String.join(", ", known.stream().map(FixSite::literal).toList());
        edits.add(Edit.insert(site.start(sinkStmt.getLeaf()), "// Allow-list: only the command lines this code names may"
                + " run; input cannot choose another." + sep
                + indent + "if (!" + arrays + ".asList(" + list + ").contains(" + id + ")) {" + sep
                + indent + "    throw new IllegalArgumentException(\"command not allowed\");" + sep
                + indent + "}" + sep + indent));
        return site.edits("only the command lines the code names (" + list + ") may run as " + id, edits);
    }

    private static List<? extends ExpressionTree> arguments(Tree sink) {
        if (sink instanceof MethodInvocationTree call) {
            return call.getArguments();
        }
        if (sink instanceof NewClassTree creation) {
            return creation.getArguments();
        }
        return List.of();
    }

    private static boolean isExec(Tree sink) {
        return sink instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
                && ms.getIdentifier().contentEquals("exec");
    }

    /**
     * Sorts one piece of the command: fixed text and numbers need nothing; a String variable in argument position
     * is a value to check; in program position (the first word or element) a variable is the program and is left
     * alone, though a local holding a whole command line is followed to the values spliced into it. Arrays and
     * lists built in the method are followed element by element.
     */
    private void part(FixSite site, Tree method, ExpressionTree e, boolean program, Parts parts, int depth) {
        ExpressionTree t = strip(e);
        if (Constants.value(site.unit(), t) != null || t instanceof LiteralTree) {
            return;
        }
        TypeMirror type = site.type(t);
        if (type != null && type.getKind().isPrimitive()) {
            return; // a number or flag cannot carry shell syntax
        }
        if (depth > MAX_DEPTH) {
            parts.problems.add("the command is built through too many variables (`" + site.source(t) + "`)");
            return;
        }
        if (t instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            List<ExpressionTree> operands = new ArrayList<>();
            flatten(b, operands);
            for (int i = 0; i < operands.size(); i++) {
                part(site, method, operands.get(i), program && (i == 0 || shellScript(site, operands, i)), parts, depth);
            }
            return;
        }
        if (t instanceof NewArrayTree array) {
            if (array.getInitializers() == null) {
                parts.problems.add("the command array `" + site.source(t) + "` is filled elsewhere");
                return;
            }
            for (int i = 0; i < array.getInitializers().size(); i++) {
                part(site, method, array.getInitializers().get(i),
                        program && (i == 0 || shellScript(site, array.getInitializers(), i)), parts, depth);
            }
            return;
        }
        if (t instanceof ConditionalExpressionTree c) {
            part(site, method, c.getTrueExpression(), program, parts, depth);
            part(site, method, c.getFalseExpression(), program, parts, depth);
            return;
        }
        if (t instanceof SwitchExpressionTree sw) {
            for (ExpressionTree result : switchResults(sw)) {
                part(site, method, result, program, parts, depth);
            }
            return;
        }
        if (t instanceof MethodInvocationTree call && isListFactory(call)) {
            for (int i = 0; i < call.getArguments().size(); i++) {
                part(site, method, call.getArguments().get(i),
                        program && (i == 0 || shellScript(site, call.getArguments(), i)), parts, depth);
            }
            return;
        }
        if (t instanceof ArrayAccessTree access) {
            slot(site, method, access, program, parts, depth);
            return;
        }
        Element el = t instanceof IdentifierTree ? site.element(t) : null;
        if (el == null || el.getKind() != ElementKind.LOCAL_VARIABLE && el.getKind() != ElementKind.PARAMETER) {
            if (program) {
                parts.programs.add(site.source(t));
            } else {
                parts.problems.add("`" + site.source(t) + "` is not a String variable to check");
            }
            return;
        }
        if (site.isString(t)) {
            // A local built from fixed text and variables ("ping -c 1 " + host, a switch of such): follow it to the
            // variables, so that "--keep=" + keep checks keep rather than refusing the option it is part of.
            List<ExpressionTree> defs = el.getKind() == ElementKind.LOCAL_VARIABLE
                    ? Locals.definitions(site, method, el) : null;
            if (defs != null && !defs.isEmpty() && defs.stream().allMatch(d -> builtFromParts(site, d))) {
                for (ExpressionTree d : defs) {
                    part(site, method, d, program, parts, depth + 1);
                }
            } else if (program) {
                parts.programs.add(site.source(t));
            } else {
                parts.values.putIfAbsent(el, el.getSimpleName().toString());
                parts.uses.add(t);
            }
            return;
        }
        if (el.getKind() == ElementKind.LOCAL_VARIABLE && type != null
                && type.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
            arrayLocal(site, method, t, el, program, parts, depth);
            return;
        }
        if (el.getKind() == ElementKind.LOCAL_VARIABLE && type != null && isList(type)) {
            listLocal(site, method, t, el, program, parts, depth);
            return;
        }
        parts.problems.add("`" + site.source(t) + "` is not a String, array or list built in this method");
    }

    private static final java.util.regex.Pattern SHELL = java.util.regex.Pattern.compile(
            "(\\S*/)?(sh|bash|zsh|ksh|dash|ash|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)");
    private static final java.util.regex.Pattern SHELL_LINE = java.util.regex.Pattern.compile(
            "\\s*" + SHELL.pattern() + "(\\s+-\\S+)*\\s+(-c|/c|/C|-Command)\\s+");
    private static final Set<String> SCRIPT_FLAGS = Set.of("-c", "/c", "/C", "-Command");

    /**
     * Whether piece {@code i} of a command is the script a shell runs ({@code "sh", "-c", script} as elements, or
     * {@code "sh -c " + script} as one line): it is a whole command line, so it counts as a program, not a value.
     */
    private static boolean shellScript(FixSite site, List<? extends ExpressionTree> pieces, int i) {
        if (i < 1) {
            return false;
        }
        StringBuilder before = new StringBuilder();
        for (int j = 0; j < i; j++) {
            before.append(Constants.string(site.unit(), pieces.get(j)).orElse("\u0000"));
        }
        if (SHELL_LINE.matcher(before).matches()) {
            return true; // one command line: "sh -c " + script
        }
        return i >= 2 && Constants.string(site.unit(), pieces.get(0)).filter(c -> SHELL.matcher(c).matches()).isPresent()
                && Constants.string(site.unit(), pieces.get(i - 1)).filter(SCRIPT_FLAGS::contains).isPresent();
    }

    /** Whether a definition of a command-line local is built from pieces (not a value taken whole). */
    private static boolean builtFromParts(FixSite site, ExpressionTree d) {
        ExpressionTree t = strip(d);
        return t instanceof BinaryTree || t instanceof ConditionalExpressionTree || t instanceof SwitchExpressionTree
                || Constants.value(site.unit(), t) != null;
    }

    /** {@code argv} of type String[]: the array it is initialized with and each slot assigned later. */
    private void arrayLocal(FixSite site, Tree method, ExpressionTree use, Element el, boolean program, Parts parts,
                            int depth) {
        if (Locals.assigned(site, method, el)) {
            parts.problems.add("the command array `" + site.source(use) + "` is replaced after its declaration");
            return;
        }
        VariableTree decl = Locals.declaration(site, method, el);
        if (decl == null || decl.getInitializer() == null) {
            parts.problems.add("the command array `" + site.source(use) + "` is not built in this method");
            return;
        }
        if (!(decl.getInitializer() instanceof NewArrayTree sized && sized.getInitializers() == null)) {
            part(site, method, decl.getInitializer(), program, parts, depth + 1); // new String[n] is filled by slot
        }
        for (AssignmentTree slot : slotAssignments(site, method, el)) {
            ArrayAccessTree access = (ArrayAccessTree) slot.getVariable();
            Object index = Constants.value(site.unit(), access.getIndex());
            part(site, method, slot.getExpression(), program && Integer.valueOf(0).equals(index), parts, depth + 1);
        }
    }

    /** {@code argv[k]}: the initializer's element k and every value assigned to that slot. */
    private void slot(FixSite site, Tree method, ArrayAccessTree access, boolean program, Parts parts, int depth) {
        Object index = Constants.value(site.unit(), access.getIndex());
        Element el = access.getExpression() instanceof IdentifierTree ? site.element(access.getExpression()) : null;
        if (!(index instanceof Integer k) || el == null || el.getKind() != ElementKind.LOCAL_VARIABLE
                || Locals.assigned(site, method, el)) {
            if (program) {
                parts.programs.add(site.source(access));
            } else {
                parts.problems.add("`" + site.source(access) + "` is not a fixed slot of an array built in this method");
            }
            return;
        }
        VariableTree decl = Locals.declaration(site, method, el);
        if (decl == null) {
            parts.problems.add("`" + site.source(access) + "` is not a fixed slot of an array built in this method");
            return;
        }
        if (decl.getInitializer() instanceof NewArrayTree init && init.getInitializers() != null
                && k < init.getInitializers().size()) {
            part(site, method, init.getInitializers().get(k), program, parts, depth + 1);
        }
        for (AssignmentTree assignment : slotAssignments(site, method, el)) {
            Object i = Constants.value(site.unit(), ((ArrayAccessTree) assignment.getVariable()).getIndex());
            if (!(i instanceof Integer)) {
                parts.problems.add("`" + site.source(access.getExpression()) + "` has slots assigned by computed index");
                return;
            }
            if (k.equals(i)) {
                part(site, method, assignment.getExpression(), program, parts, depth + 1);
            }
        }
    }

    /** {@code cmd} of type List: the list it starts as and each {@code cmd.add(x)}, in order. */
    private void listLocal(FixSite site, Tree method, ExpressionTree use, Element el, boolean program, Parts parts,
                           int depth) {
        VariableTree decl = Locals.declaration(site, method, el);
        if (decl == null || decl.getInitializer() == null || Locals.assigned(site, method, el)) {
            parts.problems.add("the command list `" + site.source(use) + "` is not built in this method");
            return;
        }
        ExpressionTree init = strip(decl.getInitializer());
        int size;
        if (init instanceof NewClassTree created && created.getArguments().isEmpty()) {
            size = 0;
        } else if (init instanceof MethodInvocationTree call && isListFactory(call)) {
            part(site, method, call, program, parts, depth + 1);
            size = call.getArguments().size();
        } else {
            parts.problems.add("the command list `" + site.source(use) + "` starts from `" + site.source(init) + "`");
            return;
        }
        List<String> problems = parts.problems;
        int[] position = {size};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                if (node.getMethodSelect() instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree id
                        && el.equals(site.element(id))) {
                    String name = ms.getIdentifier().toString();
                    if (name.equals("add") && node.getArguments().size() == 1) {
                        part(site, method, node.getArguments().get(0), program && position[0] == 0, parts, depth + 1);
                        position[0]++;
                    } else if (!Set.of("size", "isEmpty", "get", "contains", "toArray", "iterator", "stream")
                            .contains(name)) {
                        problems.add("the command list `" + id + "` is changed by " + name + "(...)");
                    }
                }
                return super.visitMethodInvocation(node, unused);
            }
        }.scan(site.path(method), null);
        // Passed to another method, the list might be filled there.
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                for (ExpressionTree a : node.getArguments()) {
                    if (a instanceof IdentifierTree id && el.equals(site.element(id))
                            && !(site.sink().getLeaf() == node) && !(node.getMethodSelect() instanceof MemberSelectTree ms
                            && ms.getIdentifier().contentEquals("command"))) {
                        problems.add("the command list `" + id + "` is passed to " + site.source(node.getMethodSelect()));
                    }
                }
                return super.visitMethodInvocation(node, unused);
            }
        }.scan(site.path(method), null);
    }

    private static List<AssignmentTree> slotAssignments(FixSite site, Tree method, Element array) {
        List<AssignmentTree> out = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                if (node.getVariable() instanceof ArrayAccessTree a && a.getExpression() instanceof IdentifierTree id
                        && array.equals(site.element(id))) {
                    out.add(node);
                }
                return super.visitAssignment(node, unused);
            }
        }.scan(site.path(method), null);
        return out;
    }

    private static List<ExpressionTree> switchResults(SwitchExpressionTree sw) {
        List<ExpressionTree> out = new ArrayList<>();
        for (CaseTree c : sw.getCases()) {
            if (c.getBody() instanceof ExpressionTree e) {
                out.add(e);
            } else if (c.getBody() != null) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitYield(YieldTree node, Void unused) {
                        out.add(node.getValue());
                        return null;
                    }

                    @Override
                    public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
                        return null; // its yields belong to it
                    }
                }.scan(c.getBody(), null);
            } else {
                for (StatementTree s : c.getStatements()) {
                    if (s instanceof YieldTree y) {
                        out.add(y.getValue());
                    }
                }
            }
        }
        return out;
    }

    private static boolean isListFactory(MethodInvocationTree call) {
        return call.getMethodSelect() instanceof MemberSelectTree ms
                && (ms.getIdentifier().contentEquals("asList") && ms.getExpression().toString().endsWith("Arrays")
                || ms.getIdentifier().contentEquals("of") && ms.getExpression().toString().endsWith("List"));
    }

    private static boolean isList(TypeMirror type) {
        String t = type.toString();
        return t.startsWith("java.util.List") || t.startsWith("java.util.ArrayList")
                || t.startsWith("java.util.LinkedList");
    }

    /**
     * The statement to check before: among the blocks around the command's statement, the innermost one in
     * which every place a value enters the command lies inside a statement of that block; there, the first of
     * those statements.
     */
    private static TreePath insertionPoint(FixSite site, TreePath sinkStmt, List<Tree> uses) {
        for (TreePath block = sinkStmt.getParentPath(); block != null; block = block.getParentPath()) {
            if (block.getLeaf() instanceof com.sun.source.tree.ClassTree
                    || block.getLeaf() instanceof com.sun.source.tree.LambdaExpressionTree) {
                return null;
            }
            if (!(block.getLeaf() instanceof BlockTree)) {
                continue;
            }
            TreePath first = childIn(block, sinkStmt);
            boolean all = first != null;
            for (Tree use : uses) {
                TreePath child = all ? childIn(block, site.path(use)) : null;
                if (child == null) {
                    all = false;
                    break;
                }
                if (site.start(child.getLeaf()) < site.start(first.getLeaf())) {
                    first = child;
                }
            }
            if (all) {
                return first;
            }
        }
        return null;
    }

    /** The ancestor of {@code p} that is a statement directly in {@code block}, or null. */
    private static TreePath childIn(TreePath block, TreePath p) {
        for (TreePath q = p; q != null && q.getParentPath() != null; q = q.getParentPath()) {
            if (q.getParentPath().getLeaf() == block.getLeaf()) {
                return q;
            }
            if (q.getLeaf() instanceof com.sun.source.tree.LambdaExpressionTree
                    || q.getLeaf() instanceof com.sun.source.tree.ClassTree) {
                return null;
            }
        }
        return null;
    }

    /**
     * Why checking {@code value} at {@code offset} would not cover what the command uses: it is declared after
     * that point, or assigned after it. Null when the check holds.
     */
    private static String stableUntil(FixSite site, Tree method, Element value, int offset) {
        String name = value.getSimpleName().toString();
        if (value.getKind() == ElementKind.LOCAL_VARIABLE) {
            VariableTree decl = Locals.declaration(site, method, value);
            if (decl == null || site.end(decl) > offset) {
                return "`" + name + "` is declared where the command is built; no statement before it can check it";
            }
        }
        int[] lastAssignment = {-1};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                if (value.equals(site.unit().trees().getElement(new TreePath(getCurrentPath(), node.getVariable())))) {
                    lastAssignment[0] = Math.max(lastAssignment[0], site.start(node));
                }
                return super.visitAssignment(node, unused);
            }

            @Override
            public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree node, Void unused) {
                if (value.equals(site.unit().trees().getElement(new TreePath(getCurrentPath(), node.getVariable())))) {
                    lastAssignment[0] = Math.max(lastAssignment[0], site.start(node));
                }
                return super.visitCompoundAssignment(node, unused);
            }
        }.scan(site.path(method), null);
        if (lastAssignment[0] >= offset) {
            return "`" + name + "` is assigned again after the point where it could be checked";
        }
        return null;
    }

    private static ExpressionTree strip(ExpressionTree e) {
        ExpressionTree t = e;
        while (t instanceof ParenthesizedTree || t instanceof TypeCastTree) {
            t = t instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) t).getExpression();
        }
        return t;
    }

    private static void flatten(ExpressionTree e, List<ExpressionTree> out) {
        Splices.operands(e, CommandInjectionFix::strip, out);
    }
}
