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
 * java/sql-injection: SQL built by concatenating values (or by {@code String.format}) becomes a parameterized query.
 * <ul>
 *   <li>JDBC {@code Statement.executeQuery/executeUpdate/execute(sql)} becomes a {@code PreparedStatement}
 *       with {@code ?} placeholders and {@code setString}/{@code setObject} bindings; {@code addBatch(sql)} binds
 *       before {@code addBatch()};</li>
 *   <li>{@code Connection.prepareStatement/prepareCall(sql)} assigned to a local gets the bindings after it;</li>
 *   <li>Spring {@code JdbcTemplate} calls get the values as trailing varargs ({@code execute} becomes
 *       {@code update}); a {@code batchUpdate} of texts mapped from a collection gets one text and batch arguments;</li>
 *   <li>JPA/Hibernate {@code createQuery/createNativeQuery/createSQLQuery} get {@code ?1} placeholders and
 *       {@code setParameter} calls.</li>
 * </ul>
 * The SQL is either the text at the call or a local variable initialized by one, assigned nowhere else and
 * used only at the call; SQL appended to a local builder is handled by {@link SqlBuilderFix}. Values that
 * supply names rather than values cannot be bound: they get an allow-list check ({@link SqlNames}); IN lists
 * built by joining get one placeholder per element ({@link SqlLists}).
 */
final class SqlInjectionFix implements FixRecipe {

    static final Set<String> STATEMENT_EXECUTE = Set.of("executeQuery", "executeUpdate", "execute",
            "executeLargeUpdate");
    static final Set<String> JDBC_TEMPLATE_TYPES = Set.of("org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.JdbcOperations");
    static final Set<String> JDBC_TEMPLATE_VARARGS = Set.of("query", "queryForList", "queryForObject",
            "queryForMap", "queryForRowSet", "queryForStream", "update");
    private static final Set<String> JPA_TYPES = Set.of("javax.persistence.EntityManager",
            "jakarta.persistence.EntityManager", "org.hibernate.Session", "org.hibernate.SharedSessionContract",
            "org.hibernate.StatelessSession");
    private static final Set<String> JPA_METHODS = Set.of("createQuery", "createNativeQuery", "createSQLQuery");
    /** JDBI handles: {@code createQuery/createUpdate} take {@code ?} placeholders bound by 0-based {@code bind}. */
    private static final Set<String> JDBI_TYPES = Set.of("org.jdbi.v3.core.Handle", "org.skife.jdbi.v2.Handle");
    private static final Set<String> JDBI_METHODS = Set.of("createQuery", "createUpdate");

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
        if (target.name().equals("batchUpdate") && isAny(target, JDBC_TEMPLATE_TYPES) && call.getArguments().size() == 1) {
            FixProposal batch = mappedBatch(site, call);
            if (batch != null) {
                return batch;
            }
        }
        FixProposal mapper = SqlMapperFix.propose(site, call, target);
        if (mapper != null) {
            return mapper;
        }
        Sql sql = sqlOf(site, call.getArguments().get(0));
        if (sql == null) {
            FixProposal built = SqlBuilderFix.propose(site, call, target);
            return built != null ? built : site.notFixable(whyNoTemplate(site, call.getArguments().get(0)));
        }
        boolean jpa = JPA_METHODS.contains(target.name()) && (isAny(target, JPA_TYPES) || sessionReceiver(site, call));
        SqlTemplate.Result r = template(site, sql, jpa ? n -> "?" + n : n -> "?");
        if (!(r instanceof SqlTemplate.Ok(SqlTemplate t))) {
            return site.notFixable(((SqlTemplate.Refused) r).reason());
        }
        if (t.bindings().isEmpty()) {
            // Only names are spliced in: the SQL stays as it is, each name is checked before it is built.
            List<Edit> edits = new ArrayList<>(t.edits());
            for (SqlTemplate.NameCheck c : t.checks()) {
                if (c.hoisted() != null) {
                    edits.add(Edit.replace(site.start(c.tree()), site.end(c.tree()), c.name()));
                }
            }
            String problem = addChecks(site, sql, t, edits, null);
            return problem != null ? site.notFixable(problem) : site.edits(checkDescription(t), merged(edits));
        }
        if (!jpa && placeholdersInText(t)) {
            return site.notFixable("the SQL text already holds `?` placeholders; the new ones would shift their numbers");
        }
        FixProposal p;
        TreePath[] checkAt = new TreePath[1];
        if (jpa) {
            p = t.hasList() ? site.notFixable("an IN list in JPQL is bound as one collection parameter; rewrite it by hand")
                    : jpa(site, call, sql, t);
        } else if (JDBI_METHODS.contains(target.name()) && isAny(target, JDBI_TYPES)) {
            p = t.hasList() ? site.notFixable("an IN list in a JDBI query needs bindList; rewrite it by hand")
                    : chained(site, call, sql, t, ".bind(", 0, "JDBI positional bind parameters (");
        } else if (JDBC_TEMPLATE_VARARGS.contains(target.name()) && isAny(target, JDBC_TEMPLATE_TYPES)) {
            p = jdbcTemplate(site, call, sql, t, false);
        } else if (target.name().equals("execute") && isAny(target, JDBC_TEMPLATE_TYPES)
                && call.getArguments().size() == 1) {
            p = jdbcTemplate(site, call, sql, t, true);
        } else if ((STATEMENT_EXECUTE.contains(target.name()) || target.name().equals("addBatch"))
                && isAny(target, Set.of("java.sql.Statement")) && call.getArguments().size() == 1) {
            p = statement(site, call, sql, t, checkAt);
        } else if ((target.name().equals("prepareStatement") || target.name().equals("prepareCall"))
                && isAny(target, Set.of("java.sql.Connection")) && call.getArguments().size() == 1) {
            p = prepare(site, call, sql, t);
        } else {
            return site.notFixable("no bind-parameter form is known for "
                    + (target.declaringType().isEmpty() ? "" : simple(target.declaringType())) + "." + target.name());
        }
        if (!(p instanceof FixProposal.Edits e) || t.checks().isEmpty() && t.edits().isEmpty()) {
            return p;
        }
        List<Edit> edits = new ArrayList<>(e.edits());
        for (Edit extra : t.edits()) {
            if (!edits.contains(extra)) {
                edits.add(extra);
            }
        }
        String problem = addChecks(site, sql, t, edits, checkAt[0]);
        return problem != null ? site.notFixable(problem)
                : site.edits(e.description() + (t.checks().isEmpty() ? "" : "; " + checkDescription(t)), merged(edits));
    }

    /** Insertions at one offset joined into one edit (two imports before the same line: in sorted order). */
    static List<Edit> merged(List<Edit> edits) {
        List<Edit> out = new ArrayList<>();
        java.util.Map<Integer, List<String>> inserts = new java.util.TreeMap<>();
        for (Edit e : edits) {
            if (e.length() == 0) {
                inserts.computeIfAbsent(e.offset(), k -> new ArrayList<>()).add(e.replacement());
            } else {
                out.add(e);
            }
        }
        inserts.forEach((at, texts) -> {
            if (texts.stream().allMatch(x -> x.strip().startsWith("import "))) {
                texts.sort(null);
            }
            out.add(Edit.insert(at, String.join("", texts)));
        });
        return out;
    }

    /**
     * {@code String[] sqls = c.stream().map(x -> "…'" + x + "'").toArray(String[]::new); jdbc.batchUpdate(sqls)}:
     * one SQL text with placeholders, and the batch arguments mapped from the same elements
     * ({@code batchUpdate(sql, List<Object[]>)}). Null when the code has another shape.
     */
    private static FixProposal mappedBatch(FixSite site, MethodInvocationTree call) {
        ExpressionTree arg = call.getArguments().get(0);
        var element = arg instanceof IdentifierTree ? site.element(arg) : null;
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (element == null || element.getKind() != ElementKind.LOCAL_VARIABLE || method == null) {
            return null;
        }
        VariableTree decl = Locals.declaration(site, method.getLeaf(), element);
        if (decl == null || !(decl.getInitializer() instanceof MethodInvocationTree toArray)
                || !(toArray.getMethodSelect() instanceof MemberSelectTree ta) || !ta.getIdentifier().contentEquals("toArray")
                || !(ta.getExpression() instanceof MethodInvocationTree map)
                || !(map.getMethodSelect() instanceof MemberSelectTree ms) || !ms.getIdentifier().contentEquals("map")
                || map.getArguments().size() != 1
                || !(map.getArguments().get(0) instanceof com.sun.source.tree.LambdaExpressionTree lambda)
                || !(lambda.getBody() instanceof ExpressionTree body) || !SqlTemplate.isConcatenation(site, body)) {
            return null;
        }
        if (site.references(decl, method.getLeaf()).size() != 1 || Locals.assigned(site, method.getLeaf(), element)) {
            return site.notFixable("the batch's SQL array is used elsewhere too");
        }
        SqlTemplate.Result r = SqlTemplate.of(site, body, n -> "?");
        if (!(r instanceof SqlTemplate.Ok(SqlTemplate t))) {
            return site.notFixable(((SqlTemplate.Refused) r).reason());
        }
        if (!t.checks().isEmpty() || t.hasList() || !t.edits().isEmpty() || placeholdersInText(t)) {
            return site.notFixable("each SQL text of the batch splices in names or lists; one prepared text cannot serve"
                    + " them");
        }
        List<Edit> edits = new ArrayList<>();
        String list = site.typeName("java.util.List", edits);
        String collectors = site.typeName("java.util.stream.Collectors", edits);
        String name = site.freshName("batchArgs");
        StringBuilder values = new StringBuilder();
        for (SqlTemplate.Binding b : t.bindings()) {
            values.append(values.length() == 0 ? "" : ", ").append(b.expression());
        }
        String params = lambda.getParameters().size() == 1 && site.source(lambda).startsWith(
                lambda.getParameters().get(0).getName().toString()) ? lambda.getParameters().get(0).getName().toString()
                : site.source(lambda).substring(0, site.source(lambda).indexOf("->")).strip();
        edits.add(Edit.replace(site.start(decl.getType()), site.end(decl.getInitializer()), list + "<Object[]> " + name
                + " = " + site.source(ms.getExpression()) + ".map(" + params + " -> new Object[] {" + values + "})"
                + ".collect(" + collectors + ".toList())"));
        edits.add(Edit.replace(site.start(arg), site.end(arg), t.javaExpression() + ", " + name));
        return site.edits("one batch SQL text with " + t.bindings().size() + " bind parameter(s) per row", merged(edits));
    }

    /** A Hibernate session or JPA entity manager obtained inline: {@code sessionFactory.getCurrentSession().createQuery(…)}. */
    private static boolean sessionReceiver(FixSite site, MethodInvocationTree call) {
        if (!(call.getMethodSelect() instanceof MemberSelectTree ms)
                || !(ms.getExpression() instanceof MethodInvocationTree open)
                || !(open.getMethodSelect() instanceof MemberSelectTree os)) {
            return false;
        }
        String factory = CallTarget.typeOf(site.unit(), os.getExpression());
        return Set.of("getCurrentSession", "openSession").contains(os.getIdentifier().toString())
                && factory.equals("org.hibernate.SessionFactory")
                || os.getIdentifier().contentEquals("createEntityManager")
                && (factory.equals("javax.persistence.EntityManagerFactory")
                || factory.equals("jakarta.persistence.EntityManagerFactory"));
    }

    static boolean placeholdersInText(SqlTemplate t) {
        String text = t.javaExpression();
        int count = 0;
        for (int i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
            count++;
        }
        return count > t.bindings().size();
    }

    private static String checkDescription(SqlTemplate t) {
        if (t.checks().isEmpty()) {
            return "allow-list check of each name appended to the name list";
        }
        List<String> names = t.checks().stream().filter(c -> c.position() != SqlNames.Position.NUMBER)
                .map(SqlTemplate.NameCheck::name).distinct().toList();
        List<String> numbers = t.checks().stream().filter(c -> c.position() == SqlNames.Position.NUMBER)
                .map(SqlTemplate.NameCheck::name).distinct().toList();
        return (names.isEmpty() ? "" : "allow-list check of " + String.join(", ", names) + " as an SQL name")
                + (names.isEmpty() || numbers.isEmpty() ? "" : "; ")
                + (numbers.isEmpty() ? "" : "check that " + String.join(", ", numbers)
                        + " is a number (the SQL reads it as a number literal)");
    }

    /**
     * Inserts the allow-list checks of the spliced names before the statement that builds the SQL (the
     * declaration of its local, or the statement holding the call). An insertion the fix already makes at
     * the same place gets the checks in front of it.
     */
    private static String addChecks(FixSite site, Sql sql, SqlTemplate t, List<Edit> edits, TreePath before) {
        if (t.checks().isEmpty()) {
            return null;
        }
        TreePath stmt = before != null ? before : sql.declaration() != null ? site.path(sql.declaration())
                : site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !(stmt.getParentPath().getLeaf() instanceof BlockTree
                || stmt.getParentPath().getLeaf() instanceof com.sun.source.tree.CaseTree)
                || !site.startsLine(site.start(stmt.getLeaf()))) {
            return "the SQL is built inside an expression (lambda or field initializer) with no statement to check its"
                    + " names before";
        }
        int at = site.start(stmt.getLeaf());
        String check = checkText(site, t, site.indentation(at));
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            if (e.offset() == at && e.length() == 0) {
                edits.set(i, Edit.insert(at, check + e.replacement()));
                return null;
            }
        }
        edits.add(Edit.insert(at, check.toString()));
        return null;
    }

    /** The lines that check (and first read, for a getter) each spliced name, before a statement so indented. */
    static String checkText(FixSite site, SqlTemplate t, String indent) {
        String sep = site.lineSeparator();
        StringBuilder check = new StringBuilder();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (SqlTemplate.NameCheck c : t.checks()) {
            if (!done.add(c.name() + c.position())) {
                continue;
            }
            if (c.hoisted() != null) {
                check.append("String ").append(c.name()).append(" = ").append(c.hoisted()).append(';').append(sep)
                        .append(indent);
            }
            check.append(nameCheck(c.name(), c.position(), sep, indent));
        }
        return check.toString();
    }

    /** The commented check that a variable spliced into SQL at {@code position} has that position's shape. */
    static String nameCheck(String variable, SqlNames.Position position, String sep, String indent) {
        return AllowListCheck.text(variable, position.regex, switch (position) {
            case SORT -> "Allow-list: only plain column names, each optionally with ASC or DESC, reach the ORDER BY";
            case NAMES -> "Allow-list: only plain column names separated by commas reach the query";
            case DIRECTION -> "Allow-list: only ASC or DESC reaches the ORDER BY";
            case NUMBER -> "Only a number reaches the query, which reads " + variable + " as a number literal";
            default -> "Allow-list: only a plain SQL name (letters, digits, _ and one dot) reaches the query";
        } + (position == SqlNames.Position.NUMBER ? "." : "; better, compare with the names this query may use."),
                position == SqlNames.Position.NUMBER ? "not a number" : "SQL name not allowed", sep, indent);
    }

    /** Why the SQL argument is not text the recipe can split, as precisely as the code shows. */
    private static String whyNoTemplate(FixSite site, ExpressionTree arg) {
        ExpressionTree a = arg;
        while (a instanceof com.sun.source.tree.ParenthesizedTree p) {
            a = p.getExpression();
        }
        TypeMirror type = site.type(a);
        String typeName = type == null ? "" : type.toString();
        if (a instanceof MethodInvocationTree m && m.getMethodSelect() instanceof MemberSelectTree ms
                && ms.getIdentifier().contentEquals("toString")) {
            typeName = String.valueOf(site.type(ms.getExpression()));
        }
        if (typeName.equals("java.lang.StringBuilder") || typeName.equals("java.lang.StringBuffer")) {
            return "the SQL is built in a " + simple(typeName) + " across statements; rewrite it with bind parameters"
                    + " by hand";
        }
        var element = a instanceof IdentifierTree ? site.element(a) : null;
        if (element != null && element.getKind() == ElementKind.LOCAL_VARIABLE) {
            TreePath method = site.enclosingMethod(site.sink()).orElse(null);
            VariableTree decl = method == null ? null : Locals.declaration(site, method.getLeaf(), element);
            ExpressionTree init = decl == null ? null : decl.getInitializer();
            if (init instanceof com.sun.source.tree.ConditionalExpressionTree c) {
                for (ExpressionTree branch : List.of(c.getTrueExpression(), c.getFalseExpression())) {
                    if (SqlTemplate.isTemplate(site, branch)
                            && SqlTemplate.of(site, branch, n -> "?") instanceof SqlTemplate.Refused(String reason)) {
                        return "the SQL is chosen by a condition, and in one branch " + reason;
                    }
                }
                return "the SQL is chosen by a condition; parameterize each branch by hand";
            }
            if (init != null && !SqlTemplate.isTemplate(site, init)) {
                return "the whole SQL statement comes from `" + site.source(a) + "` (" + site.source(init).strip()
                        + "); only SQL written in the code can be parameterized";
            }
            if (init != null) {
                return "the SQL local `" + site.source(a) + "` is reassigned or used more than once; rewrite it with"
                        + " bind parameters by hand";
            }
        }
        if (element != null && element.getKind() == ElementKind.PARAMETER) {
            return "the SQL comes from the parameter `" + site.source(a) + "`; parameterize it where it is built";
        }
        if (element != null && element.getKind() == ElementKind.FIELD) {
            return "the SQL comes from the field `" + site.source(a) + "`; parameterize it where it is built";
        }
        return "the whole SQL statement comes from `" + site.source(a).strip() + "`; only SQL written in the code can be"
                + " parameterized";
    }

    static boolean isAny(CallTarget t, Set<String> types) {
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
        if (SqlTemplate.isTemplate(site, arg)) {
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
        if (decl == null || decl.getInitializer() == null || !SqlTemplate.isTemplate(site, decl.getInitializer())
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

    private FixProposal statement(FixSite site, MethodInvocationTree call, Sql sql, SqlTemplate t, TreePath[] checkAt) {
        boolean batch = ((MemberSelectTree) call.getMethodSelect()).getIdentifier().contentEquals("addBatch");
        // Text with spliced names or list sizes must be built where it was, not where the Statement was created.
        boolean constantText = t.checks().isEmpty() && !t.hasList();
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the query runs inside an expression (lambda or field initializer) with no statement to bind parameters in");
        }
        MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
        ExpressionTree receiver = select.getExpression();
        String connection;
        VariableTree statementDecl = null;
        // A Statement used only for this query (and closed) whose SQL is built after it: it is made where the query runs.
        VariableTree movable = null;
        if (!batch && receiver instanceof MethodInvocationTree create && create.getArguments().isEmpty()
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
            boolean textBefore = constantText || !batch && namesSetBefore(site, t, decl, method);
            if (!Locals.assigned(site, method.getLeaf(), element)
                    && (batch ? onlyBatchUses(site, decl, method, call) : onlyQueryAndClose(site, decl, method, call))) {
                if (textBefore) {
                    statementDecl = decl;
                } else {
                    movable = decl;
                }
            }
            if (statementDecl != null && !constantText && sql.declaration() == null) {
                // The text is now built where the Statement was created: its names are checked before that.
                TreePath declPath = site.path(statementDecl);
                checkAt[0] = declPath.getParentPath().getLeaf() instanceof TryTree ? declPath.getParentPath() : declPath;
            }
            if (batch && statementDecl == null) {
                return site.notFixable("the Statement runs other SQL besides this batch entry, or the entry's SQL text is"
                        + " not fixed; one PreparedStatement cannot serve them");
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
        if (statementDecl != null && sql.declaration() != null && site.start(sql.declaration()) > site.start(statementDecl)) {
            // The SQL is built after the Statement was created: a PreparedStatement is made where it runs
            // (closed with its connection, as the Statement is).
            movable = statementDecl;
            statementDecl = null;
        }
        TryTree header = null;
        if (statementDecl != null && inResourcesOf(site, stmt.getLeaf(), statementDecl)) {
            String problem = headerProblem(site, (TryTree) stmt.getLeaf(), call);
            if (problem != null) {
                return site.notFixable(problem);
            }
            header = (TryTree) stmt.getLeaf();
        }
        if (statementDecl == null && (movable == null || !canMove(site, movable, stmt))) {
            movable = null;
        }
        String ps;
        StringBuilder before = new StringBuilder();
        if (statementDecl != null) {
            // The Statement variable serves only this query: it becomes the PreparedStatement, keeping
            // its place (and its try-with-resources closing).
            ps = statementDecl.getName().toString();
            MethodInvocationTree create = (MethodInvocationTree) statementDecl.getInitializer();
            MemberSelectTree ms = (MemberSelectTree) create.getMethodSelect();
            edits.add(Edit.replace(site.start(statementDecl.getType()), site.end(statementDecl.getType()), preparedType));
            edits.add(Edit.replace(site.end(ms.getExpression()), site.end(create),
                    ".prepareStatement(" + sqlText + ")"));
        } else if (movable != null) {
            // The Statement's declaration moves to where the query runs and becomes the PreparedStatement,
            // so the code that closed the Statement closes it.
            ps = movable.getName().toString();
            int from = site.lineStart(site.start(movable));
            int to = site.text().indexOf('\n', site.end(movable)) + 1;
            edits.add(Edit.replace(from, to, ""));
            before.append(preparedType).append(' ').append(ps).append(" = ").append(connection)
                    .append(".prepareStatement(").append(sqlText).append(");").append(sep).append(indent);
        } else {
            ps = site.freshName("statement");
            before.append(preparedType).append(' ').append(ps).append(" = ").append(connection)
                    .append(".prepareStatement(").append(sqlText).append(");").append(sep).append(indent);
            Edit close = closeAfterUse(site, stmt, call, ps, sep + indent);
            if (close != null) {
                edits.add(close);
            }
        }
        if (header != null) {
            // The query's resource and those after it move to a try inside the block, after the bindings; the
            // block's lines are indented one step more.
            List<? extends Tree> resources = header.getResources();
            int first = resources.indexOf(site.sink().getParentPath().getLeaf());
            BlockTree body = header.getBlock();
            String inner = site.text().substring(site.start(resources.get(first)), site.start(call))
                    + ps + "." + select.getIdentifier() + "()"
                    + site.text().substring(site.end(call), site.end(resources.get(resources.size() - 1)));
            String step = stepOf(site, body, indent);
            StringBuilder open = new StringBuilder(sep).append(indent).append(step);
            appendSetters(site, open, ps, t, sep, indent + step);
            open.append("try (").append(inner).append(") {");
            Tree previous = resources.get(first - 1);
            int cut = site.end(previous instanceof VariableTree pv && pv.getInitializer() != null ? pv.getInitializer()
                    : previous); // a declaration's end holds the ';' after it
            edits.add(Edit.replace(cut, site.end(resources.get(resources.size() - 1)), ""));
            int blockOpen = site.start(body) + 1;
            edits.add(Edit.insert(blockOpen, open.toString()));
            int close = site.end(body) - 1;
            int lastLine = site.lineStart(close);
            for (int at = site.text().indexOf('\n', blockOpen) + 1; at > 0 && at < lastLine;
                    at = site.text().indexOf('\n', at) + 1) {
                int eol = site.text().indexOf('\n', at);
                if (!site.text().substring(at, eol).isBlank()) {
                    edits.add(Edit.insert(at, step));
                }
            }
            edits.add(Edit.insert(lastLine, indent + step + "}" + sep));
            return site.edits("PreparedStatement with " + t.bindings().size() + " bind parameter(s); the ResultSet is"
                    + " opened in a try inside the block, after the bindings", edits);
        }
        appendSetters(site, before, ps, t, sep, indent);
        edits.add(Edit.insert(site.start(stmt.getLeaf()), before.toString()));
        edits.add(Edit.replace(site.start(call), site.end(call), ps + "." + select.getIdentifier() + "()"));
        return site.edits("PreparedStatement with " + t.bindings().size() + " bind parameter(s)", edits);
    }

    /**
     * Why a query run in a try-with-resources header after its Statement cannot move into the block: it must be
     * the whole initializer of a resource, the block must start and end on lines of its own and hold no text block.
     */
    private static String headerProblem(FixSite site, TryTree tt, MethodInvocationTree call) {
        String reason = "the query runs in the try-with-resources header right after the Statement it would prepare,"
                + " where no parameter can be bound";
        Tree parent = site.sink().getParentPath().getLeaf();
        if (!(parent instanceof VariableTree v) || v.getInitializer() != call || tt.getResources().indexOf(v) < 1) {
            return reason + "; open the ResultSet inside the try block";
        }
        BlockTree body = tt.getBlock();
        String text = site.text();
        int open = site.start(body);
        int close = site.end(body) - 1;
        int eol = text.indexOf('\n', open);
        if (eol < 0 || !text.substring(open + 1, eol).isBlank() || !site.startsLine(close)
                || text.substring(open, close).contains("\"\"\"") || text.substring(open, close).contains("\t")) {
            return reason + ", and the try block is not laid out one statement a line with spaces; open the ResultSet"
                    + " inside the try block";
        }
        return null;
    }

    /** The indentation step of a block: its first statement's indentation beyond the statement's own (else 4 spaces). */
    private static String stepOf(FixSite site, BlockTree body, String indent) {
        if (!body.getStatements().isEmpty()) {
            String inner = site.indentation(site.start(body.getStatements().get(0)));
            if (inner.startsWith(indent) && inner.length() > indent.length()) {
                return inner.substring(indent.length());
            }
        }
        return "    ";
    }

    /**
     * Whether every name and list the SQL text splices in is a parameter or a local declared before the
     * Statement and never reassigned, so the text built where the Statement is created is the same.
     */
    private static boolean namesSetBefore(FixSite site, SqlTemplate t, VariableTree statementDecl, TreePath method) {
        List<ExpressionTree> read = new ArrayList<>();
        for (SqlTemplate.NameCheck c : t.checks()) {
            if (c.hoisted() != null) {
                return false;
            }
            read.add(c.tree());
        }
        for (SqlTemplate.Binding b : t.bindings()) {
            if (b.list() != null) {
                read.addAll(b.list().roots());
            }
        }
        for (ExpressionTree e : read) {
            var element = site.element(e);
            if (element == null || Locals.assigned(site, method.getLeaf(), element)) {
                return false;
            }
            if (element.getKind() == ElementKind.LOCAL_VARIABLE) {
                VariableTree d = Locals.declaration(site, method.getLeaf(), element);
                if (d == null || site.start(d) >= site.start(statementDecl)) {
                    return false;
                }
            } else if (element.getKind() != ElementKind.PARAMETER) {
                return false;
            }
        }
        return true;
    }

    /** The Statement is used only to run this query and to be closed. */
    private static boolean onlyQueryAndClose(FixSite site, VariableTree decl, TreePath method, MethodInvocationTree query) {
        for (TreePath ref : site.references(decl, method.getLeaf())) {
            if (!(ref.getParentPath().getLeaf() instanceof MemberSelectTree ms)
                    || !(ref.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree use)) {
                return false;
            }
            if (use != query && !(ms.getIdentifier().contentEquals("close") && use.getArguments().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Closes a new PreparedStatement after the last statement of the block that uses what the query returns: right
     * after the query for an update count, after the last use of a local ResultSet whose every use is a call on it
     * in the following statements of the block. Null when that point is not clear (the ResultSet is returned,
     * passed on or stored, or its last use returns), which leaves the statement to be closed with its connection.
     */
    private static Edit closeAfterUse(FixSite site, TreePath stmt, MethodInvocationTree call, String ps, String lineStart) {
        if (!(stmt.getParentPath().getLeaf() instanceof BlockTree block)) {
            return null;
        }
        List<? extends com.sun.source.tree.StatementTree> statements = block.getStatements();
        int at = statements.indexOf(stmt.getLeaf());
        Tree last = stmt.getLeaf();
        if (last instanceof VariableTree v && v.getInitializer() == call) {
            TypeMirror type = site.type(call);
            if (type != null && type.toString().equals("java.sql.ResultSet")) {
                for (TreePath ref : site.references(v, block)) {
                    if (!(ref.getParentPath().getLeaf() instanceof MemberSelectTree)
                            || !(ref.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree)) {
                        return null;
                    }
                    Tree top = null;
                    for (TreePath p = ref; p != null && p.getParentPath() != null; p = p.getParentPath()) {
                        if (p.getParentPath().getLeaf() == block) {
                            top = p.getLeaf();
                            break;
                        }
                    }
                    if (top == null) {
                        return null;
                    }
                    if (statements.indexOf(top) > statements.indexOf(last)) {
                        last = top;
                    }
                }
            } else if (type == null || !type.getKind().isPrimitive()) {
                return null;
            }
        } else if (!(last instanceof com.sun.source.tree.ExpressionStatementTree es && es.getExpression() == call)) {
            return null;
        }
        if (at < 0 || last instanceof com.sun.source.tree.ReturnTree || last instanceof com.sun.source.tree.ThrowTree
                || containsExit(site, last)) {
            return null;
        }
        return Edit.insert(site.end(last), lineStart + ps + ".close();");
    }

    /** Whether a statement may leave the method or loop early (a return, break, continue or throw inside it). */
    private static boolean containsExit(FixSite site, Tree t) {
        boolean[] found = {isExit(t)};
        new Locals.OwnCodeScanner() {
            @Override
            public Void scan(Tree tree, Void unused) {
                found[0] |= isExit(tree);
                return super.scan(tree, unused);
            }
        }.scan(site.path(t), null);
        return found[0];
    }

    private static boolean isExit(Tree t) {
        return t instanceof com.sun.source.tree.ReturnTree || t instanceof com.sun.source.tree.ThrowTree
                || t instanceof com.sun.source.tree.BreakTree || t instanceof com.sun.source.tree.ContinueTree;
    }

    /** Whether {@code decl} is a resource of the try statement {@code stmt} (the query is then in the same header). */
    private static boolean inResourcesOf(FixSite site, Tree stmt, VariableTree decl) {
        return stmt instanceof TryTree tt && tt.getResources().contains(decl)
                && site.start(site.sink().getLeaf()) < site.start(tt.getBlock());
    }

    /**
     * Whether the Statement's declaration, a statement on lines of its own in the block that runs the query, can
     * move to the query: every use after the declaration is then after the query (the Statement's only other use
     * is closing it, which must come after the query) and inside its block.
     */
    private static boolean canMove(FixSite site, VariableTree decl, TreePath stmt) {
        TreePath declPath = site.path(decl);
        if (declPath == null || declPath.getParentPath().getLeaf() != stmt.getParentPath().getLeaf()
                || !(stmt.getParentPath().getLeaf() instanceof BlockTree) || !site.startsLine(site.start(decl))) {
            return false;
        }
        int lineEnd = site.text().indexOf('\n', site.end(decl));
        if (lineEnd < 0 || !site.text().substring(site.end(decl), lineEnd).isBlank()) {
            return false;
        }
        TreePath method = site.enclosingMethod(stmt).orElseThrow();
        for (TreePath ref : site.references(decl, method.getLeaf())) {
            if (site.start(ref.getLeaf()) < site.start(stmt.getLeaf())) {
                return false;
            }
        }
        return true;
    }

    /** The Statement is used only for this batch entry and for running, clearing or closing the batch. */
    private static boolean onlyBatchUses(FixSite site, VariableTree decl, TreePath method, MethodInvocationTree entry) {
        for (TreePath ref : site.references(decl, method.getLeaf())) {
            if (!(ref.getParentPath().getLeaf() instanceof MemberSelectTree ms)
                    || !(ref.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree use)) {
                return false;
            }
            String name = ms.getIdentifier().toString();
            if (use != entry && !Set.of("executeBatch", "executeLargeBatch", "clearBatch", "close").contains(name)) {
                return false;
            }
        }
        return true;
    }

    private FixProposal prepare(FixSite site, MethodInvocationTree call, Sql sql, SqlTemplate t) {
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
        if (t.hasList()) {
            // An IN list has as many placeholders as elements: the parameter number is counted as they are bound.
            String index = site.freshName("index");
            out.append("int ").append(index).append(" = 1;").append(sep).append(indent);
            for (SqlTemplate.Binding b : t.bindings()) {
                if (b.list() == null) {
                    String setter = b.string() ? "setString" : setterFor(site, b.tree());
                    out.append(ps).append('.').append(setter).append('(').append(index).append("++, ")
                            .append(b.expression()).append(");").append(sep).append(indent);
                    continue;
                }
                String value = site.freshName("value");
                out.append("for (").append(b.list().elementType()).append(' ').append(value).append(" : ")
                        .append(b.list().values()).append(") {").append(sep).append(indent).append("    ").append(ps)
                        .append(b.string() ? ".setString(" : ".setObject(").append(index).append("++, ").append(value)
                        .append(");").append(sep).append(indent).append('}').append(sep).append(indent);
            }
            return;
        }
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

    private FixProposal jdbcTemplate(FixSite site, MethodInvocationTree call, Sql sql, SqlTemplate t, boolean execute) {
        List<? extends ExpressionTree> args = call.getArguments();
        if (execute && !(site.sink().getParentPath().getLeaf() instanceof com.sun.source.tree.ExpressionStatementTree)) {
            return site.notFixable("JdbcTemplate.execute is used as a value; update(sql, args…), which binds values,"
                    + " returns a count instead");
        }
        if (t.hasList() && t.bindings().size() > 1) {
            return site.notFixable("an IN list and other values would have to go into one argument array; bind them by"
                    + " hand");
        }
        if (args.size() > 2) {
            return site.notFixable("the call already passes arguments after the SQL; bind the spliced values by hand");
        }
        if (args.size() == 2) {
            TypeMirror second = site.type(args.get(1));
            if (second != null && second.getKind() == TypeKind.ARRAY) {
                return site.notFixable("the call already passes bind values as an array");
            }
        }
        List<Edit> edits = new ArrayList<>();
        edits.add(Edit.replace(site.start(sql.concatenation()), site.end(sql.concatenation()), t.javaExpression()));
        StringBuilder values = new StringBuilder();
        for (SqlTemplate.Binding b : t.bindings()) {
            values.append(", ").append(b.list() != null ? b.list().asArray() : b.expression());
        }
        edits.add(Edit.insert(site.end(args.get(args.size() - 1)), values.toString()));
        if (execute) {
            MemberSelectTree ms = (MemberSelectTree) call.getMethodSelect();
            edits.add(Edit.replace(site.end(ms) - "execute".length(), site.end(ms), "update"));
        }
        return site.edits((execute ? "JdbcTemplate.update with " : "bind parameters passed to JdbcTemplate (")
                + t.bindings().size() + (execute ? " bind parameter(s)" : ")"), edits);
    }

    private FixProposal jpa(FixSite site, MethodInvocationTree call, Sql sql, SqlTemplate t) {
        for (SqlTemplate.Binding b : t.bindings()) {
            if (b.unquotedText()) {
                // Hibernate checks a bound value against the attribute's type: a String where the query read a number
                // literal would fail for every legitimate input.
                return site.notFixable("the String `" + b.expression() + "` is spliced in without quotes, so the query"
                        + " reads it as a number or other literal of the attribute's type; bind it converted to that type"
                        + " (e.g. Integer.valueOf(…)) by hand");
            }
        }
        return chained(site, call, sql, t, ".setParameter(", 1, "positional query parameters (");
    }

    /** The SQL text with placeholders, and one {@code setter(position, value)} call per value chained on the query. */
    private static FixProposal chained(FixSite site, MethodInvocationTree call, Sql sql, SqlTemplate t, String setter,
                                       int first, String description) {
        List<Edit> edits = new ArrayList<>();
        edits.add(Edit.replace(site.start(sql.concatenation()), site.end(sql.concatenation()), t.javaExpression()));
        StringBuilder params = new StringBuilder();
        int n = first;
        for (SqlTemplate.Binding b : t.bindings()) {
            params.append(setter).append(n++).append(", ").append(b.expression()).append(')');
        }
        edits.add(Edit.insert(site.end(call), params.toString()));
        return site.edits(description + t.bindings().size() + ")", edits);
    }
}
