package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeMirror;

/**
 * java/sql-injection where the SQL is a local {@code StringBuilder}/{@code StringBuffer} filled by append
 * statements (straight on, in loops or branches) and run as {@code sb.toString()}. Each append statement keeps
 * its place and shape with placeholders in its text; the values it spliced in are collected, right after it,
 * into a list that is bound in order when the query runs:
 * <pre>
 * StringBuilder where = new StringBuilder("SELECT * FROM report WHERE 1=1");
 * List&lt;Object&gt; whereValues = new ArrayList&lt;&gt;();
 * for (Map.Entry&lt;String, String[]&gt; e : params.entrySet()) {
 *     String name = e.getKey();
 *     // Allow-list: …
 *     if (!name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) { throw … }
 *     where.append(" AND ").append(name).append(" = ?");
 *     whereValues.add(e.getValue()[0]);
 * }
 * </pre>
 * Because values are collected where they are appended, the order of the list is the order of the
 * placeholders on every path through loops and branches.
 */
final class SqlBuilderFix {

    private static final Set<String> BUILDERS = Set.of("java.lang.StringBuilder", "java.lang.StringBuffer");

    private SqlBuilderFix() {
    }

    /** The fix, a refusal with its reason, or null when the SQL is not {@code builder.toString()}. */
    static FixProposal propose(FixSite site, MethodInvocationTree call, CallTarget target) {
        ExpressionTree arg = call.getArguments().get(0);
        if (!(arg instanceof MethodInvocationTree ts) || !ts.getArguments().isEmpty()
                || !(ts.getMethodSelect() instanceof MemberSelectTree tms) || !tms.getIdentifier().contentEquals("toString")
                || !(tms.getExpression() instanceof IdentifierTree builderRef)) {
            return null;
        }
        Element element = site.element(builderRef);
        TypeMirror type = site.type(builderRef);
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (element == null || element.getKind() != ElementKind.LOCAL_VARIABLE || type == null
                || !BUILDERS.contains(type.toString()) || method == null) {
            return null;
        }
        String sb = builderRef.getName().toString();
        VariableTree decl = Locals.declaration(site, method.getLeaf(), element);
        if (decl == null || !(decl.getInitializer() instanceof NewClassTree init) || init.getArguments().size() > 1
                || Locals.assigned(site, method.getLeaf(), element)) {
            return site.notFixable("the SQL builder `" + sb + "` is not created once in this method with new");
        }
        boolean statement = SqlInjectionFix.STATEMENT_EXECUTE.contains(target.name())
                && SqlInjectionFix.isAny(target, Set.of("java.sql.Statement")) && call.getArguments().size() == 1;
        boolean template = SqlInjectionFix.JDBC_TEMPLATE_VARARGS.contains(target.name())
                && SqlInjectionFix.isAny(target, SqlInjectionFix.JDBC_TEMPLATE_TYPES) && call.getArguments().size() == 1;
        TreePath sinkStmt = site.enclosingStatement(site.sink()).orElse(null);
        if (!statement && !template || sinkStmt == null || !site.startsLine(site.start(sinkStmt.getLeaf()))) {
            return site.notFixable("the SQL is built in a " + simple(type.toString()) + " and run by "
                    + target.name() + " where no bind-parameter form is known");
        }
        // Every other use of the builder must be an append statement before the query.
        List<ExpressionStatementTree> appends = new ArrayList<>();
        for (TreePath ref : site.references(decl, method.getLeaf())) {
            if (ref.getLeaf() == builderRef) {
                continue;
            }
            ExpressionStatementTree chain = appendStatement(ref);
            if (chain == null || site.start(chain) > site.start(sinkStmt.getLeaf()) || !site.startsLine(site.start(chain))) {
                return site.notFixable("the SQL builder `" + sb + "` is used other than by append statements before the"
                        + " query; rewrite it with bind parameters by hand");
            }
            appends.add(chain);
        }
        appends.sort(Comparator.comparingInt(site::start));

        List<Edit> edits = new ArrayList<>();
        String sep = site.lineSeparator();
        String values = site.freshName(sb + "Values");
        Set<String> names = new HashSet<>();
        String text = "";
        int bindings = 0;
        int checks = 0;
        StringBuilder afterDecl = new StringBuilder();
        String declIndent = site.indentation(site.start(decl));
        if (init.getArguments().size() == 1 && site.isString(init.getArguments().get(0))) {
            SqlTemplate.Result r = SqlTemplate.of(site, init.getArguments().get(0), n -> "?", "", names);
            if (!(r instanceof SqlTemplate.Ok(SqlTemplate t))) {
                return site.notFixable(((SqlTemplate.Refused) r).reason());
            }
            if (!t.checks().isEmpty() || t.hasList()) {
                return site.notFixable("the builder's first text splices in a name or a list; check it by hand");
            }
            text = t.text();
            bindings += t.bindings().size();
            if (!t.bindings().isEmpty()) {
                edits.add(Edit.replace(site.start(init.getArguments().get(0)), site.end(init.getArguments().get(0)),
                        t.javaExpression()));
                for (SqlTemplate.Binding b : t.bindings()) {
                    afterDecl.append(sep).append(declIndent).append(values).append(".add(").append(b.expression())
                            .append(");");
                }
            }
        }
        for (ExpressionStatementTree chain : appends) {
            List<ExpressionTree> args = new ArrayList<>();
            for (ExpressionTree e = chain.getExpression(); e instanceof MethodInvocationTree m; ) {
                MemberSelectTree ms = (MemberSelectTree) m.getMethodSelect();
                args.add(0, m.getArguments().get(0));
                e = ms.getExpression();
            }
            SqlTemplate.Result r = SqlTemplate.of(site, args, n -> "?", text, names);
            if (!(r instanceof SqlTemplate.Ok(SqlTemplate t))) {
                return site.notFixable(((SqlTemplate.Refused) r).reason());
            }
            if (t.hasList()) {
                return site.notFixable("an IN list is appended to the SQL builder; bind it by hand");
            }
            text = t.text();
            if (t.bindings().isEmpty() && t.checks().isEmpty()) {
                continue;
            }
            String indent = site.indentation(site.start(chain));
            StringBuilder rewritten = new StringBuilder(sb);
            for (String piece : t.pieces()) {
                rewritten.append(".append(").append(piece).append(')');
            }
            edits.add(Edit.replace(site.start(chain.getExpression()), site.end(chain.getExpression()), rewritten.toString()));
            if (!t.checks().isEmpty()) {
                edits.add(Edit.insert(site.start(chain), SqlInjectionFix.checkText(site, t, indent)));
                checks += t.checks().size();
            }
            StringBuilder adds = new StringBuilder();
            for (SqlTemplate.Binding b : t.bindings()) {
                adds.append(sep).append(indent).append(values).append(".add(").append(b.expression()).append(");");
            }
            if (adds.length() > 0) {
                edits.add(Edit.insert(site.end(chain), adds.toString()));
            }
            bindings += t.bindings().size();
        }
        if (bindings == 0 && checks == 0) {
            return site.notFixable("no value is spliced into the SQL builder's text");
        }
        if (bindings > 0 && text.strip().matches("(?is)(create|alter|drop|truncate|grant|revoke|rename)\\b.*")) {
            return site.notFixable("the SQL is a DDL statement, which takes no bind parameters");
        }
        if (bindings == 0) {
            return site.edits("allow-list check of the names appended to the SQL builder", SqlInjectionFix.merged(edits));
        }
        var declParent = site.path(decl).getParentPath().getLeaf();
        if (!(declParent instanceof BlockTree || declParent instanceof CaseTree)) {
            return site.notFixable("the SQL builder is not declared in a block where the values list can follow it");
        }
        String list = site.typeName("java.util.List", edits);
        String arrayList = site.typeName("java.util.ArrayList", edits);
        edits.add(Edit.insert(site.end(decl), sep + declIndent + list + "<Object> " + values + " = new " + arrayList
                + "<>();" + afterDecl));
        if (template) {
            edits.add(Edit.insert(site.end(arg), ", " + values + ".toArray()"));
            return site.edits("bind parameters collected from the SQL builder passed to JdbcTemplate (" + bindings + ")",
                    SqlInjectionFix.merged(edits));
        }
        MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
        ExpressionTree receiver = select.getExpression();
        String connection = connectionOf(site, method, receiver);
        if (connection == null) {
            return site.notFixable("the Statement does not come from connection.createStatement() in this method");
        }
        String indent = site.indentation(site.start(sinkStmt.getLeaf()));
        String ps = site.freshName("statement");
        String i = site.freshName("i");
        String prepared = site.typeName("java.sql.PreparedStatement", edits);
        edits.add(Edit.insert(site.start(sinkStmt.getLeaf()), prepared + " " + ps + " = " + connection
                + ".prepareStatement(" + sb + ".toString());" + sep + indent
                + "for (int " + i + " = 0; " + i + " < " + values + ".size(); " + i + "++) {" + sep + indent + "    "
                + ps + ".setObject(" + i + " + 1, " + values + ".get(" + i + "));" + sep + indent + "}" + sep + indent));
        edits.add(Edit.replace(site.start(call), site.end(call), ps + "." + select.getIdentifier() + "()"));
        return site.edits("PreparedStatement with the " + bindings + " value(s) appended to the SQL builder bound in order",
                SqlInjectionFix.merged(edits));
    }

    /** The statement {@code sb.append(a).append(b)…;} whose root is {@code ref}, or null. */
    private static ExpressionStatementTree appendStatement(TreePath ref) {
        TreePath p = ref;
        while (p.getParentPath().getLeaf() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("append")
                && p.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree m
                && m.getArguments().size() == 1) {
            p = p.getParentPath().getParentPath();
        }
        if (p == ref || !(p.getParentPath().getLeaf() instanceof ExpressionStatementTree stmt)) {
            return null;
        }
        var parent = p.getParentPath().getParentPath().getLeaf();
        return parent instanceof BlockTree || parent instanceof CaseTree ? stmt : null;
    }

    /** The connection of {@code conn.createStatement()} inline or of a local Statement so created. */
    private static String connectionOf(FixSite site, TreePath method, ExpressionTree receiver) {
        ExpressionTree create = receiver;
        if (receiver instanceof IdentifierTree id) {
            Element e = site.element(id);
            VariableTree decl = e == null ? null : Locals.declaration(site, method.getLeaf(), e);
            create = decl == null ? null : decl.getInitializer();
        }
        if (create instanceof MethodInvocationTree m && m.getArguments().isEmpty()
                && m.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("createStatement")
                && ms.getExpression() instanceof IdentifierTree) {
            return site.source(ms.getExpression());
        }
        return null;
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
