package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/xpath-injection: the values spliced into an XPath expression become XPath variables, bound
 * through {@code XPath.setXPathVariableResolver} (XPath 1.0 has no escape for its string literals). A
 * value inside a quoted literal replaces the whole literal ({@code [@sku='" + sku + "']} becomes
 * {@code [@sku=$sku]}, the variable holding the literal's other characters too); a value spliced
 * unquoted where XPath expects a number ({@code [" + pos + "]}, after a comparison) becomes
 * {@code number($pos)}, which selects the same nodes for every numeric input. The resolver is set right
 * before the statement on the method's own XPath local, else on a new XPath made the way the inline
 * call or the field makes it (a field XPath is shared: setting one request's values on it would race).
 */
final class XPathInjectionFix implements FixRecipe {

    private static final Set<String> METHODS = Set.of("compile", "evaluate", "evaluateExpression");

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/xpath-injection");
    }

    /** One XPath variable: its name and the pieces of its value (String constants and Java expressions). */
    private record Variable(String name, List<Object> pieces, boolean number) {
    }

    @Override
    public FixProposal propose(FixSite site) {
        CallTarget target = CallTarget.of(site.unit(), site.sink());
        if (!(site.sink().getLeaf() instanceof MethodInvocationTree call) || target == null
                || !METHODS.contains(target.name()) || call.getArguments().isEmpty()
                || !(call.getMethodSelect() instanceof MemberSelectTree select)
                || !String.valueOf(target.declaringType()).startsWith("javax.xml.xpath.XPath")) {
            return site.notFixable("not a javax.xml.xpath.XPath call (no variable resolver for this API)");
        }
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (method == null || stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("no statement before the query to bind the variables in");
        }
        ExpressionTree built = call.getArguments().get(0);
        if (Splices.unwrap(built) instanceof IdentifierTree id) {
            Element el = site.element(id);
            if (el == null || el.getKind() != ElementKind.LOCAL_VARIABLE) {
                return site.notFixable("the whole XPath expression comes from the "
                        + (el == null ? "value" : el.getKind().toString().toLowerCase().replace('_', ' ')) + " " + id
                        + ": it needs a fixed expression or an allow-list, not escaping");
            }
            VariableTree decl = Locals.declaration(site, method.getLeaf(), el);
            if (decl == null || decl.getInitializer() == null || Locals.assigned(site, method.getLeaf(), el)
                    || site.references(decl, method.getLeaf()).size() != 1) {
                return site.notFixable("the XPath expression is a local assigned or used more than once");
            }
            built = decl.getInitializer();
        }
        List<Splices.Part> parts = Splices.of(site, built);
        if (parts == null) {
            parts = formatted(site, built);
        }
        if (parts == null) {
            return site.notFixable("the whole XPath expression comes from input: it needs a fixed expression or an"
                    + " allow-list, not escaping");
        }

        // The new expression: constant text, $variables, number($variables) and values that carry no text.
        List<Object> out = new ArrayList<>(); // String (XPath text), Variable, ExpressionTree (kept)
        Map<String, Variable> vars = new LinkedHashMap<>();
        char quote = 0;
        List<Object> literal = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Splices.Part p = parts.get(i);
            if (p.text() != null) {
                for (char c : p.text().toCharArray()) {
                    if (quote == 0 && (c == '\'' || c == '"')) {
                        quote = c;
                        literal = new ArrayList<>();
                    } else if (quote != 0 && c == quote) {
                        closeLiteral(site, quote, literal, out, vars);
                        quote = 0;
                    } else if (quote != 0) {
                        literal.add(String.valueOf(c));
                    } else {
                        out.add(String.valueOf(c));
                    }
                }
                continue;
            }
            ExpressionTree v = p.value();
            if (quote != 0) {
                literal.add(v);
            } else if (Splices.inert(site, v)) {
                out.add(v);
            } else if (numeric(Splices.before(parts, i, "x"), Splices.after(parts, i, "x"))) {
                out.add(variable(site, vars, List.of(v), true));
            } else {
                return site.notFixable("the value " + site.source(v).strip() + " supplies XPath syntax (a path, a name"
                        + " or a predicate), not a value: it needs an allow-list");
            }
        }
        if (quote != 0) {
            return site.notFixable("a quoted XPath literal is not closed in the expression's constant text");
        }
        if (vars.isEmpty()) {
            return site.notFixable("no value spliced into the XPath expression");
        }
        for (Variable var : vars.values()) {
            for (Object piece : var.pieces()) {
                if (piece instanceof ExpressionTree e && !Locals.stable(site, method.getLeaf(), e)) {
                    return site.notFixable("the value " + site.source(e).strip() + " may change before the query runs"
                            + " (the resolver reads it then); bind it to a local first");
                }
            }
        }

        // Where the resolver goes: the method's XPath local, else a new one.
        List<Edit> edits = new ArrayList<>();
        ExpressionTree receiver = select.getExpression();
        String xpath;
        String declare = null;
        Element recv = site.element(receiver);
        if (receiver instanceof IdentifierTree rid && recv != null && recv.getKind() == ElementKind.LOCAL_VARIABLE) {
            if (setsResolver(site, method.getLeaf())) {
                return site.notFixable("the method already sets an XPath variable resolver");
            }
            xpath = rid.getName().toString();
        } else {
            String creation = creation(site, receiver, recv);
            if (creation == null) {
                return site.notFixable("the XPath object " + site.source(receiver).strip() + " is shared or made"
                        + " elsewhere; a variable resolver set on it could leak one request's values into another");
            }
            xpath = site.freshName("boundXPath");
            declare = site.typeName("javax.xml.xpath.XPath", edits) + " " + xpath + " = " + creation + ";";
            edits.add(Edit.replace(site.start(receiver), site.end(receiver), xpath));
        }
        String param = site.freshName("variable");
        StringBuilder resolver = new StringBuilder(xpath + ".setXPathVariableResolver(" + param + " ->");
        int at = site.start(stmt.getLeaf());
        String indent = site.indentation(at);
        String sep = site.lineSeparator();
        String next = vars.size() > 1 ? sep + indent + "        " : " "; // one variable per line when there are several
        for (Variable var : vars.values()) {
            resolver.append(next).append(FixSite.literal(var.name())).append(".equals(").append(param)
                    .append(".getLocalPart()) ? ").append(java(site, var.pieces())).append(" :");
        }
        resolver.append(" null);");
        edits.add(Edit.insert(at, (declare == null ? "" : declare + sep + indent) + resolver + sep + indent));
        edits.add(Edit.replace(site.start(built), site.end(built), expression(site, out)));
        return site.edits("XPath value(s) bound as variables ($" + String.join(", $", vars.keySet())
                + ") through an XPathVariableResolver", edits);
    }

    /** A literal closes: with a value inside it becomes a variable, else it stays as written. */
    private static void closeLiteral(FixSite site, char quote, List<Object> literal, List<Object> out,
                                     Map<String, Variable> vars) {
        boolean tainted = literal.stream().anyMatch(o -> o instanceof ExpressionTree e && !Splices.inert(site, e));
        if (!tainted) {
            out.add(String.valueOf(quote));
            out.addAll(literal);
            out.add(String.valueOf(quote));
            return;
        }
        List<Object> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Object o : literal) {
            if (o instanceof String s) {
                text.append(s);
            } else {
                if (!text.isEmpty()) {
                    pieces.add(text.toString());
                    text.setLength(0);
                }
                pieces.add(o);
            }
        }
        if (!text.isEmpty()) {
            pieces.add(text.toString());
        }
        out.add(variable(site, vars, pieces, false));
    }

    private static Variable variable(FixSite site, Map<String, Variable> vars, List<Object> pieces, boolean number) {
        String base = "value";
        for (Object o : pieces) {
            if (o instanceof ExpressionTree e && !Splices.inert(site, e)) {
                base = nameOf(Splices.unwrap(e));
                break;
            }
        }
        String name = base;
        for (int n = 2; vars.containsKey(name); n++) {
            Variable same = vars.get(name);
            if (same.number() == number && java(site, same.pieces()).equals(java(site, pieces))) {
                return same;
            }
            name = base + n;
        }
        Variable v = new Variable(name, pieces, number);
        vars.put(name, v);
        return v;
    }

    /** An XPath variable name taken from the Java value: {@code sku}, {@code role.toLowerCase()} → role, {@code getTag()} → tag. */
    private static String nameOf(ExpressionTree e) {
        String n = "value";
        if (e instanceof IdentifierTree id) {
            n = id.getName().toString();
        } else if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
            String m = ms.getIdentifier().toString();
            if (m.startsWith("get") && m.length() > 3) {
                n = Character.toLowerCase(m.charAt(3)) + m.substring(4);
            } else if (Splices.unwrap(ms.getExpression()) instanceof IdentifierTree id) {
                n = id.getName().toString();
            }
        } else if (e instanceof MemberSelectTree ms) {
            n = ms.getIdentifier().toString();
        }
        return n.matches("[A-Za-z_][A-Za-z0-9_]*") ? n : "value";
    }

    /** Unquoted where XPath wants a number: a position predicate, or right after a comparison. */
    private static boolean numeric(String before, String after) {
        String b = before.stripTrailing();
        String a = after.stripLeading();
        return b.endsWith("[") && a.startsWith("]") || b.matches("(?s).*(=|<|>)");
    }

    /** The Java value of a variable: its pieces concatenated, as a String. */
    private static String java(FixSite site, List<Object> pieces) {
        List<String> out = new ArrayList<>();
        for (Object o : pieces) {
            if (o instanceof String s) {
                out.add(FixSite.literal(s));
            } else {
                ExpressionTree e = (ExpressionTree) o;
                String src = site.source(e);
                if (pieces.size() == 1) {
                    // As the concatenation did: null becomes "null" (a resolver returning null is an error).
                    out.add("String.valueOf(" + src + ")");
                } else {
                    out.add(e instanceof BinaryTree || e instanceof ConditionalExpressionTree ? "(" + src + ")" : src);
                }
            }
        }
        if (!(pieces.get(0) instanceof String) && pieces.size() > 1 && !site.isString((ExpressionTree) pieces.get(0))) {
            out.set(0, "String.valueOf(" + site.source((ExpressionTree) pieces.get(0)) + ")");
        }
        return String.join(" + ", out);
    }

    /** The Java text of the rewritten expression. */
    private static String expression(FixSite site, List<Object> out) {
        List<String> java = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Object o : out) {
            if (o instanceof String s) {
                text.append(s);
            } else if (o instanceof Variable v) {
                text.append(v.number() ? "number($" + v.name() + ")" : "$" + v.name());
            } else {
                if (!text.isEmpty() || java.isEmpty()) {
                    java.add(FixSite.literal(text.toString()));
                    text.setLength(0);
                }
                ExpressionTree e = (ExpressionTree) o;
                java.add(e instanceof BinaryTree || e instanceof ConditionalExpressionTree ? "(" + site.source(e) + ")"
                        : site.source(e));
            }
        }
        if (!text.isEmpty() || java.isEmpty()) {
            java.add(FixSite.literal(text.toString()));
        }
        return String.join(" + ", java);
    }

    /** A {@code "…%s…".formatted(v)} or {@code String.format("…%s…", v)} with only %s and %% in the format. */
    private static List<Splices.Part> formatted(FixSite site, ExpressionTree e) {
        if (!(Splices.unwrap(e) instanceof MethodInvocationTree call)
                || !(call.getMethodSelect() instanceof MemberSelectTree ms)) {
            return null;
        }
        String m = ms.getIdentifier().toString();
        ExpressionTree format;
        List<? extends ExpressionTree> args;
        if (m.equals("formatted") && site.isString(ms.getExpression())) {
            format = ms.getExpression();
            args = call.getArguments();
        } else if (m.equals("format") && ms.getExpression().toString().matches("(java\\.lang\\.)?String")
                && !call.getArguments().isEmpty()) {
            format = call.getArguments().get(0);
            args = call.getArguments().subList(1, call.getArguments().size());
        } else {
            return null;
        }
        String f = Constants.string(site.unit(), format).orElse(null);
        if (f == null || f.replace("%s", "").replace("%%", "").contains("%")) {
            return null;
        }
        List<Splices.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int arg = 0;
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) == '%') {
                if (f.charAt(i + 1) == '%') {
                    text.append('%');
                } else {
                    if (arg >= args.size()) {
                        return null;
                    }
                    parts.add(new Splices.Part(text.toString(), null));
                    text.setLength(0);
                    parts.add(new Splices.Part(null, args.get(arg++)));
                }
                i++;
            } else {
                text.append(f.charAt(i));
            }
        }
        parts.add(new Splices.Part(text.toString(), null));
        return arg == args.size() ? parts : null;
    }

    /** Whether the method already calls setXPathVariableResolver. */
    private static boolean setsResolver(FixSite site, Tree method) {
        return site.source(method).contains("setXPathVariableResolver");
    }

    /**
     * The expression that makes an equivalent fresh XPath: the inline creation itself, or the initializer
     * of a field that only ever serves as the receiver of queries; null when there is none.
     */
    private static String creation(FixSite site, ExpressionTree receiver, Element recv) {
        if (receiver instanceof MethodInvocationTree create && isDefaultCreation(site, create)) {
            return site.source(create);
        }
        if (recv == null || recv.getKind() != ElementKind.FIELD) {
            return null;
        }
        VariableTree[] decl = new VariableTree[1];
        boolean[] otherUse = new boolean[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                if (recv.equals(site.unit().trees().getElement(getCurrentPath()))) {
                    decl[0] = node;
                }
                return super.visitVariable(node, unused);
            }

            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                check(node);
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree node, Void unused) {
                check(node);
                return super.visitMemberSelect(node, unused);
            }

            private void check(Tree node) {
                if (recv.equals(site.unit().trees().getElement(getCurrentPath()))) {
                    Tree parent = getCurrentPath().getParentPath().getLeaf();
                    Tree grand = getCurrentPath().getParentPath().getParentPath().getLeaf();
                    boolean query = parent instanceof MemberSelectTree ms && METHODS.contains(ms.getIdentifier().toString())
                            && grand instanceof MethodInvocationTree;
                    if (!query) {
                        otherUse[0] = true;
                    }
                }
            }
        }.scan(new TreePath(site.unit().tree()), null);
        if (decl[0] == null || otherUse[0] || !(decl[0].getInitializer() instanceof MethodInvocationTree init)
                || !isDefaultCreation(site, init) || !recv.getModifiers().contains(javax.lang.model.element.Modifier.FINAL)) {
            return null;
        }
        return site.source(init);
    }

    /** {@code XPathFactory.newInstance().newXPath()}: a default XPath, nothing configured. */
    private static boolean isDefaultCreation(FixSite site, MethodInvocationTree call) {
        return site.source(call).replaceAll("\\s+", "")
                .matches("(javax\\.xml\\.xpath\\.)?XPathFactory\\.newInstance\\(\\)\\.newXPath\\(\\)");
    }
}
