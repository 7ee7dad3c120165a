package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * java/sql-injection: SQL built by concatenating values becomes a parameterized query.
 * <ul>
 *   <li>JDBC {@code Statement.executeQuery/executeUpdate/execute(sql)} becomes a {@code PreparedStatement}
 *       with {@code ?} placeholders and {@code setString}/{@code setObject} bindings;</li>
 *   <li>{@code Connection.prepareStatement(sql)} assigned to a local gets the bindings after it;</li>
 *   <li>Spring {@code JdbcTemplate} calls get the values as trailing varargs;</li>
 *   <li>JPA/Hibernate {@code createQuery/createNativeQuery/createSQLQuery} get {@code ?1} placeholders and
 *       {@code setParameter} calls.</li>
 * </ul>
 * The SQL is either the concatenation at the call or a local variable initialized by one, assigned
 * nowhere else and used only at the call.
 */
final class SqlInjectionFix implements FixRecipe {

    private static final Set<String> STATEMENT_EXECUTE = Set.of("executeQuery", "executeUpdate", "execute",
            "executeLargeUpdate");
    private static final Set<String> JDBC_TEMPLATE_TYPES = Set.of("org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.JdbcOperations");
    private static final Set<String> JDBC_TEMPLATE_VARARGS = Set.of("query", "queryForList", "queryForObject",
            "queryForMap", "queryForRowSet", "queryForStream", "update");
    private static final Set<String> JPA_TYPES = Set.of("javax.persistence.EntityManager",
            "jakarta.persistence.EntityManager", "org.hibernate.Session", "org.hibernate.SharedSessionContract",
            "org.hibernate.StatelessSession");
    private static final Set<String> JPA_METHODS = Set.of("createQuery", "createNativeQuery", "createSQLQuery");

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/sql-injection");
    }

    @Override
    public FixProposal propose(FixSite site) {
        if (!(site.sink().getLeaf() instanceof MethodInvocationTree call) || call.getArguments().isEmpty()) {
            return site.notFixable("the sink is not a call taking SQL text");
        }
        CallTarget target = CallTarget.of(site.unit(), site.sink());
        Sql sql = sqlOf(site, call.getArguments().get(0));
        if (sql == null) {
            return site.notFixable("the SQL is not a concatenation at the call nor a local built by one"
                    + " (a StringBuilder, field or parameter): rewrite it by hand with bind parameters");
        }
        if (JPA_METHODS.contains(target.name()) && isAny(target, JPA_TYPES)) {
            return jpa(site, call, sql);
        }
        if (JDBC_TEMPLATE_VARARGS.contains(target.name()) && isAny(target, JDBC_TEMPLATE_TYPES)) {
            return jdbcTemplate(site, call, sql);
        }
        if (STATEMENT_EXECUTE.contains(target.name()) && isAny(target, Set.of("java.sql.Statement"))
                && call.getArguments().size() == 1) {
            return statement(site, call, sql);
        }
        if (target.name().equals("prepareStatement") && isAny(target, Set.of("java.sql.Connection"))
                && call.getArguments().size() == 1) {
            return prepare(site, call, sql);
        }
        return site.notFixable("no bind-parameter form is known for " + simple(target.declaringType()) + "."
                + target.name());
    }

    private static boolean isAny(CallTarget t, Set<String> types) {
        return types.contains(t.declaringType()) || types.contains(t.receiverType());
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /**
     * The SQL argument: the concatenation itself, or a local that holds one. {@code declaration} is set
     * for a local: its initializer is what gets rewritten.
     */
    private record Sql(ExpressionTree concatenation, VariableTree declaration) {
    }

    private static Sql sqlOf(FixSite site, ExpressionTree arg) {
        if (SqlTemplate.isConcatenation(site, arg)) {
            return new Sql(arg, null);
        }
        if (!(arg instanceof IdentifierTree id)) {
            return null;
        }
        var element = site.element(id);
        if (element == null || element.getKind() != ElementKind.LOCAL_VARIABLE) {
            return null;
        }
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null) {
            return null;
        }
        VariableTree decl = Locals.declaration(site, method.getLeaf(), element);
        if (decl == null || decl.getInitializer() == null || !SqlTemplate.isConcatenation(site, decl.getInitializer())
                || site.references(decl, method.getLeaf()).size() != 1 || Locals.assigned(site, method.getLeaf(), element)) {
            return null;
        }
        return new Sql(decl.getInitializer(), decl);
    }

    /**
     * Values of a template are evaluated where the SQL was; when the SQL is a local declared earlier,
     * they are evaluated at the call instead, which is only the same when they read variables nobody
     * reassigns (and call nothing with side effects: only simple getters and String methods are accepted).
     */
    private static String movedValuesProblem(FixSite site, Sql sql, SqlTemplate t) {
        if (sql.declaration() == null) {
            return null;
        }
        TreePath method = site.enclosingMethod(site.sink()).orElseThrow();
        for (SqlTemplate.Binding b : t.bindings()) {
            for (ExpressionTree v : b.values()) {
                if (!Locals.stable(site, method.getLeaf(), v)) {
                    return "the value `" + site.source(v).strip()
                            + "` may change between the SQL's declaration and its execution";
                }
            }
        }
        return null;
    }

    /**
     * The SQL text with placeholders and its bindings, or why it cannot be built: the concatenation is
     * not a plain query, or a bound value would move past a statement that changes it.
     */
    private static SqlTemplate.Result template(FixSite site, Sql sql, java.util.function.IntFunction<String> placeholder) {
        SqlTemplate.Result r = SqlTemplate.of(site, sql.concatenation(), placeholder);
        if (r instanceof SqlTemplate.Ok(SqlTemplate t)) {
            String moved = movedValuesProblem(site, sql, t);
            if (moved != null) {
                return new SqlTemplate.Refused(moved);
            }
        }
        return r;
    }

    private FixProposal statement(FixSite site, MethodInvocationTree call, Sql sql) {
        SqlTemplate.Result r = template(site, sql, n -> "?");
        if (!(r instanceof SqlTemplate.Ok(SqlTemplate t))) {
            return site.notFixable(((SqlTemplate.Refused) r).reason());
        }
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the query runs inside an expression (lambda or field initializer) with no statement to bind parameters in");
        }
        MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
        ExpressionTree receiver = select.getExpression();
        String connection;
        VariableTree statementDecl = null;
        if (receiver instanceof MethodInvocationTree create && create.getArguments().isEmpty()
                && create.getMethodSelect() instanceof MemberSelectTree ms
                && ms.getIdentifier().contentEquals("createStatement")) {
            connection = site.source(ms.getExpression());
        } else if (receiver instanceof IdentifierTree id) {
            TreePath method = site.enclosingMethod(site.sink()).orElseThrow();
            var element = site.element(id);
            VariableTree decl = element == null ? null : Locals.declaration(site, method.getLeaf(), element);
            if (decl == null || !(decl.getInitializer() instanceof MethodInvocationTree create)
                    || !create.getArguments().isEmpty()
                    || !(create.getMethodSelect() instanceof MemberSelectTree ms)
                    || !ms.getIdentifier().contentEquals("createStatement")
                    || !(ms.getExpression() instanceof IdentifierTree)) {
                return site.notFixable("the Statement does not come from connection.createStatement() in this method");
            }
            connection = site.source(ms.getExpression());
            if (site.references(decl, method.getLeaf()).size() == 1 && !Locals.assigned(site, method.getLeaf(), element)) {
                statementDecl = decl;
            }
        } else {
            return site.notFixable("the Statement does not come from connection.createStatement() in this method");
        }

        List<Edit> edits = new ArrayList<>();
        String preparedType = site.typeName("java.sql.PreparedStatement", edits);
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(stmt.getLeaf()));
        String sqlText = sql.declaration() == null ? t.javaExpression() : sql.declaration().getName().toString();
        if (sql.declaration() != null) {
            edits.add(Edit.replace(site.start(sql.declaration().getInitializer()), site.end(sql.declaration().getInitializer()),
                    t.javaExpression()));
        }
        String ps;
        StringBuilder before = new StringBuilder();
        if (statementDecl != null) {
            // The Statement variable serves only this query: it becomes the PreparedStatement, keeping
            // its place (and its try-with-resources closing).
            ps = statementDecl.getName().toString();
            if (sql.declaration() != null && site.start(sql.declaration()) > site.start(statementDecl)) {
                return site.notFixable("the SQL is declared after the Statement it runs on");
            }
            MethodInvocationTree create = (MethodInvocationTree) statementDecl.getInitializer();
            MemberSelectTree ms = (MemberSelectTree) create.getMethodSelect();
            edits.add(Edit.replace(site.start(statementDecl.getType()), site.end(statementDecl.getType()), preparedType));
            edits.add(Edit.replace(site.end(ms.getExpression()), site.end(create),
                    ".prepareStatement(" + sqlText + ")"));
        } else {
            ps = site.freshName("statement");
            before.append(preparedType).append(' ').append(ps).append(" = ").append(connection)
                    .append(".prepareStatement(").append(sqlText).append(");").append(sep).append(indent);
        }
        appendSetters(site, before, ps, t, sep, indent);
        edits.add(Edit.insert(site.start(stmt.getLeaf()), before.toString()));
        edits.add(Edit.replace(site.start(call), site.end(call), ps + "." + select.getIdentifier() + "()"));
        return site.edits("PreparedStatement with " + t.bindings().size() + " bind parameter(s)", edits);
    }

    private FixProposal prepare(FixSite site, MethodInvocationTree call, Sql sql) {
        SqlTemplate.Result r = template(site, sql, n -> "?");
        if (!(r instanceof SqlTemplate.Ok(SqlTemplate t))) {
            return site.notFixable(((SqlTemplate.Refused) r).reason());
        }
        TreePath parent = site.sink().getParentPath();
        if (!(parent.getLeaf() instanceof VariableTree decl) || decl.getInitializer() != call) {
            return site.notFixable("the prepared statement is not stored in a local variable where bindings can follow");
        }
        List<Edit> edits = new ArrayList<>();
        String sep = site.lineSeparator();
        String ps = decl.getName().toString();
        StringBuilder setters = new StringBuilder();
        int at;
        String indent;
        Tree grand = parent.getParentPath().getLeaf();
        if (grand instanceof BlockTree) {
            at = site.end(decl);
            indent = site.indentation(site.start(decl));
            setters.append(sep).append(indent);
            appendSetters(site, setters, ps, t, sep, indent);
            setters.setLength(setters.length() - sep.length() - indent.length());
        } else if (grand instanceof TryTree tt && tt.getResources().contains(decl)) {
            BlockTree body = tt.getBlock();
            if (body.getStatements().isEmpty()) {
                return site.notFixable("the try block that uses the prepared statement is empty");
            }
            Tree first = body.getStatements().get(0);
            at = site.start(first);
            indent = site.indentation(at);
            appendSetters(site, setters, ps, t, sep, indent);
        } else {
            return site.notFixable("the prepared statement is not declared in a block");
        }
        if (sql.declaration() != null) {
            edits.add(Edit.replace(site.start(sql.declaration().getInitializer()),
                    site.end(sql.declaration().getInitializer()), t.javaExpression()));
        } else {
            edits.add(Edit.replace(site.start(sql.concatenation()), site.end(sql.concatenation()), t.javaExpression()));
        }
        edits.add(Edit.insert(at, setters.toString()));
        return site.edits("bind parameters for the prepared statement (" + t.bindings().size() + ")", edits);
    }

    private static void appendSetters(FixSite site, StringBuilder out, String ps, SqlTemplate t, String sep, String indent) {
        int n = 1;
        for (SqlTemplate.Binding b : t.bindings()) {
            String setter = b.string() ? "setString" : setterFor(site, b.tree());
            out.append(ps).append('.').append(setter).append('(').append(n++).append(", ").append(b.expression())
                    .append(");").append(sep).append(indent);
        }
    }

    private static String setterFor(FixSite site, ExpressionTree e) {
        TypeMirror type = e == null ? null : site.type(e);
        if (type == null) {
            return "setObject";
        }
        TypeKind k = type.getKind();
        return switch (k) {
            case INT, SHORT, BYTE -> "setInt";
            case LONG -> "setLong";
            case BOOLEAN -> "setBoolean";
            case DOUBLE -> "setDouble";
            case FLOAT -> "setFloat";
            default -> "setObject";
        };
    }

    private FixProposal jdbcTemplate(FixSite site, MethodInvocationTree call, Sql sql) {
        List<? extends ExpressionTree> args = call.getArguments();
        if (args.size() > 2) {
            return site.notFixable("the call already passes arguments after the SQL; bind the spliced values by hand");
        }
        if (args.size() == 2) {
            TypeMirror second = site.type(args.get(1));
            if (second != null && second.getKind() == TypeKind.ARRAY) {
                return site.notFixable("the call already passes bind values as an array");
            }
        }
        SqlTemplate.Result r = template(site, sql, n -> "?");
        if (!(r instanceof SqlTemplate.Ok(SqlTemplate t))) {
            return site.notFixable(((SqlTemplate.Refused) r).reason());
        }
        List<Edit> edits = new ArrayList<>();
        edits.add(Edit.replace(site.start(sql.concatenation()), site.end(sql.concatenation()), t.javaExpression()));
        StringBuilder values = new StringBuilder();
        for (SqlTemplate.Binding b : t.bindings()) {
            values.append(", ").append(b.expression());
        }
        edits.add(Edit.insert(site.end(args.get(args.size() - 1)), values.toString()));
        return site.edits("bind parameters passed to JdbcTemplate (" + t.bindings().size() + ")", edits);
    }

    private FixProposal jpa(FixSite site, MethodInvocationTree call, Sql sql) {
        SqlTemplate.Result r = template(site, sql, n -> "?" + n);
        if (!(r instanceof SqlTemplate.Ok(SqlTemplate t))) {
            return site.notFixable(((SqlTemplate.Refused) r).reason());
        }
        List<Edit> edits = new ArrayList<>();
        edits.add(Edit.replace(site.start(sql.concatenation()), site.end(sql.concatenation()), t.javaExpression()));
        StringBuilder params = new StringBuilder();
        int n = 1;
        for (SqlTemplate.Binding b : t.bindings()) {
            params.append(".setParameter(").append(n++).append(", ").append(b.expression()).append(')');
        }
        edits.add(Edit.insert(site.end(call), params.toString()));
        return site.edits("positional query parameters (" + t.bindings().size() + ")", edits);
    }
}
