package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.taint.MyBatis;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Calls of a MyBatis mapper method whose annotated SQL pastes an argument in with {@code ${name}}: a
 * name, sort key or number there cannot become a {@code #{name}} bind parameter, so the argument gets
 * the same commented allow-list check as a name spliced into JDBC SQL, before the call. A value pasted
 * where SQL reads a value is refused with the fix to make by hand ({@code #{name}} in the mapper).
 */
final class SqlMapperFix {

    private static final Pattern PASTED = Pattern.compile("\\$\\{\\s*([A-Za-z_$][\\w$]*)[^}]*}");
    private static final Pattern BOUND = Pattern.compile("#\\{[^}]*}");

    private SqlMapperFix() {
    }

    /** The fix for a call of an annotated mapper method, or null when the call is not one. */
    static FixProposal propose(FixSite site, MethodInvocationTree call, CallTarget target) {
        ExecutableElement method = target.method();
        String[] statement = method == null ? null : MyBatis.statement(site.unit().trees(), method);
        String sql = statement == null ? null : statement[1];
        if (sql == null || !PASTED.matcher(sql).find()) {
            return null;
        }
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !(stmt.getParentPath().getLeaf() instanceof BlockTree)
                || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the mapper is called inside an expression with no statement to check its arguments before");
        }
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(stmt.getLeaf()));
        StringBuilder checks = new StringBuilder();
        List<String> checked = new ArrayList<>();
        Matcher m = PASTED.matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            int index = MyBatis.parameterIndex(site.unit().trees(), method, name);
            if (index < 0 || index >= call.getArguments().size()) {
                return site.notFixable("the mapper SQL pastes ${" + name + "}, which names no parameter of "
                        + method.getSimpleName() + " this fix can follow");
            }
            ExpressionTree arg = call.getArguments().get(index);
            if (!site.isString(arg)) {
                continue; // a number or other non-text value pasted in carries no SQL
            }
            String before = BOUND.matcher(PASTED.matcher(sql.substring(0, m.start())).replaceAll("n")).replaceAll("?");
            String after = sql.substring(m.end());
            String afterText = after.indexOf("${") >= 0 ? after.substring(0, after.indexOf("${")) : after;
            SqlNames.Position position = SqlNames.of(before, afterText.isEmpty() ? "" : afterText);
            if (position.regex == null || position == SqlNames.Position.NUMBER && before.endsWith("'")) {
                return site.notFixable("the mapper SQL pastes the value of `" + site.source(arg).strip() + "` in with ${"
                        + name + "} as " + position.what + "; write #{" + name + "} in the mapper to bind it");
            }
            if (!(arg instanceof IdentifierTree id) || !(site.element(id) instanceof VariableElement v)
                    || v.getKind() != ElementKind.LOCAL_VARIABLE && v.getKind() != ElementKind.PARAMETER
                    || Locals.assigned(site, site.enclosingMethod(site.sink()).orElseThrow().getLeaf(), v)
                    && v.getKind() == ElementKind.PARAMETER) {
                return site.notFixable("the name pasted in with ${" + name + "} is not a String local or parameter"
                        + " that can be checked before the call");
            }
            if (!checked.contains(id.getName().toString())) {
                checked.add(id.getName().toString());
                checks.append(SqlInjectionFix.nameCheck(id.getName().toString(), position, sep, indent));
            }
        }
        if (checks.isEmpty()) {
            return null;
        }
        return site.edits("allow-list check of " + String.join(", ", checked) + " pasted into the mapper SQL with ${…}",
                List.of(Edit.insert(site.start(stmt.getLeaf()), checks.toString())));
    }
}
