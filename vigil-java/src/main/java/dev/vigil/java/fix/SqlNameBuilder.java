package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeMirror;

/**
 * A list of names collected in a local {@code StringBuilder}/{@code StringBuffer} and spliced into SQL where a
 * column list goes: {@code while (…) cols.append(names.nextElement()).append(',');} then
 * {@code "SELECT " + cols + "id FROM report"}. Only separators (commas, spaces) are appended as text, so the
 * list is safe when each appended value is a plain name: each is checked in the statement that appends it
 * (read first into a new local when it is the first thing the statement evaluates). The SQL stays as it is.
 */
final class SqlNameBuilder {

    private static final Set<String> BUILDERS = Set.of("java.lang.StringBuilder", "java.lang.StringBuffer");

    private SqlNameBuilder() {
    }

    /** Whether {@code value} is a local builder (the case this class judges). */
    static boolean isBuilder(FixSite site, ExpressionTree value) {
        TypeMirror type = site.type(value);
        Element e = value instanceof IdentifierTree ? site.element(value) : null;
        return e != null && e.getKind() == ElementKind.LOCAL_VARIABLE && type != null && BUILDERS.contains(type.toString());
    }

    /**
     * Adds the checks to {@code edits}, or returns why the builder is not a list of names.
     *
     * @param regex the shape of one appended name
     */
    static String check(FixSite site, IdentifierTree builder, String regex, String comment, Set<String> names,
                        List<Edit> edits) {
        String shown = "`" + builder.getName() + "`";
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        Element element = site.element(builder);
        VariableTree decl = method == null ? null : Locals.declaration(site, method.getLeaf(), element);
        if (decl == null || !(decl.getInitializer() instanceof NewClassTree init)
                || init.getArguments().size() == 1 && site.isString(init.getArguments().get(0))
                || Locals.assigned(site, method.getLeaf(), element)) {
            return "the name list " + shown + " is not an empty builder created once in this method";
        }
        String sep = site.lineSeparator();
        List<Edit> out = new ArrayList<>();
        int checked = 0;
        for (TreePath ref : site.references(decl, method.getLeaf())) {
            if (ref.getLeaf() == builder) {
                continue;
            }
            List<ExpressionTree> args = new ArrayList<>();
            TreePath p = ref;
            while (p.getParentPath().getLeaf() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("append")
                    && p.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree m
                    && m.getArguments().size() == 1) {
                args.add(m.getArguments().get(0));
                p = p.getParentPath().getParentPath();
            }
            if (args.isEmpty() || !(p.getParentPath().getLeaf() instanceof ExpressionStatementTree stmt)
                    || !(p.getParentPath().getParentPath().getLeaf() instanceof BlockTree)
                    || site.start(stmt) > site.start(builder) || !site.startsLine(site.start(stmt))) {
                // a use after the SQL is built changes nothing in it; any other use is not judged
                if (site.start(ref.getLeaf()) > site.start(builder)) {
                    continue;
                }
                return "the name list " + shown + " is used other than by append statements";
            }
            String indent = site.indentation(site.start(stmt));
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                ExpressionTree a = args.get(i);
                Object constant = Constants.value(site.unit(), a);
                if (constant != null) {
                    if (!String.valueOf(constant).matches("[ ,]*")) {
                        return "the name list " + shown + " gets SQL text other than separators (`" + site.source(a) + "`)";
                    }
                    continue;
                }
                Element ae = a instanceof IdentifierTree ? site.element(a) : null;
                String name;
                if (ae != null && (ae.getKind() == ElementKind.LOCAL_VARIABLE || ae.getKind() == ElementKind.PARAMETER)
                        && site.isString(a)) {
                    name = ae.getSimpleName().toString();
                } else if (i == 0 && site.isString(a)) {
                    // The first argument is what the statement evaluates first: reading it just before is the same.
                    name = site.freshName("name");
                    for (int n = 2; !names.add(name); n++) {
                        name = site.freshName("name" + n);
                    }
                    lines.append("String ").append(name).append(" = ").append(site.source(a)).append(';').append(sep)
                            .append(indent);
                    out.add(Edit.replace(site.start(a), site.end(a), name));
                } else {
                    return "`" + site.source(a) + "` appended to the name list " + shown + " is not a String to check";
                }
                lines.append(AllowListCheck.text(name, regex, comment, "SQL name not allowed", sep, indent));
                checked++;
            }
            if (lines.length() > 0) {
                out.add(Edit.insert(site.start(stmt), lines.toString()));
            }
        }
        if (checked == 0) {
            return "nothing but separators is appended to the name list " + shown;
        }
        edits.addAll(out);
        return null;
    }
}
