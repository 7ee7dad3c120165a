package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;

/**
 * An SQL (or JPQL) text built by concatenation, split into its constant text and the values spliced
 * into it, and rewritten with bind placeholders. A value can be bound when it stands where SQL expects
 * a value: inside a quoted string literal ({@code '...' + v + '...'}, the literal's other characters
 * become part of the bound value, as in {@code LIKE '%' + v + '%'}) or right after a comparison
 * operator. A value that supplies an identifier, a keyword or a whole clause ({@code ORDER BY } + col)
 * cannot be bound: {@link #of} then says so.
 */
record SqlTemplate(String javaExpression, List<Binding> bindings, List<NameCheck> checks, List<Edit> edits,
                   List<String> pieces, String text) {

    /**
     * One bound value: its Java expression and whether it is known to be a String; or, with {@code list}
     * set, the elements of an {@code IN} list, one placeholder each.
     */
    record Binding(String expression, boolean string, ExpressionTree tree, List<ExpressionTree> values,
                   SqlLists.Elements list, boolean quoted) {
        Binding(String expression, boolean string, ExpressionTree tree, List<ExpressionTree> values, boolean quoted) {
            this(expression, string, tree, values, null, quoted);
        }

        /** A String spliced in without quotes: the SQL read it as a number or other literal, not as text. */
        boolean unquotedText() {
            return list == null && !quoted && string;
        }
    }

    /**
     * A String variable spliced in as SQL code: it must match {@code position.regex} before the SQL is built.
     * {@code hoisted} is the expression a new local {@code name} takes first, when the value was a getter call.
     */
    record NameCheck(ExpressionTree tree, String name, SqlNames.Position position, String hoisted) {
    }

    /** Whether some binding is an IN list (its placeholders are counted at run time). */
    boolean hasList() {
        return bindings.stream().anyMatch(b -> b.list() != null);
    }

    private sealed interface Part {
    }

    /** Text fixed at compile time; {@code source} is the Java code to keep for a named constant, null for a literal. */
    private record Fixed(String value, String source) implements Part {
    }

    private record Value(ExpressionTree tree) implements Part {
    }

    /** What {@link #of} returns: a template or the reason there is none. */
    sealed interface Result {
    }

    record Ok(SqlTemplate template) implements Result {
    }

    record Refused(String reason) implements Result {
    }

    /** SQL text ending where a value goes: after a comparison, LIMIT or OFFSET, or in an INSERT's VALUES list. */
    private static final Pattern VALUE_OPERATOR = Pattern.compile(
            "(?is).*((=|<>|!=|<|>|\\blike|\\bbetween|\\bbetween\\s+\\S+\\s+and|\\blimit|\\boffset)\\s*"
                    + "|\\bvalues\\s*\\(([^()]*,)?\\s*)$");

    /** Whether an expression is a string concatenation. */
    static boolean isConcatenation(FixSite site, ExpressionTree e) {
        ExpressionTree inner = Splices.unwrap(e);
        if (!(inner instanceof BinaryTree b) || b.getKind() != Tree.Kind.PLUS) {
            return false;
        }
        if (site.isString(inner)) {
            return true;
        }
        // With a library type missing (request.getParameter on an unresolved servlet API) javac gives
        // the sum an error type; a String operand still makes it a concatenation.
        javax.lang.model.type.TypeMirror t = site.type(inner);
        return (t == null || t.getKind() == javax.lang.model.type.TypeKind.ERROR)
                && (stringOperand(site, b.getLeftOperand()) || stringOperand(site, b.getRightOperand()));
    }

    private static boolean stringOperand(FixSite site, ExpressionTree e) {
        ExpressionTree inner = Splices.unwrap(e);
        return inner instanceof LiteralTree l && l.getValue() instanceof String || site.isString(inner)
                || isConcatenation(site, inner);
    }

    /**
     * @param placeholder the placeholder for the n-th (1-based) binding: "?" for JDBC, "?1" for JPA
     */
    static Result of(FixSite site, ExpressionTree concatenation, IntFunction<String> placeholder) {
        return of(site, concatenation, placeholder, null, new java.util.HashSet<>());
    }

    /**
     * @param before for one piece of SQL appended to a builder: the SQL text before it (the piece may then hold
     *     no value, but must close every quote it opens); null for a whole statement
     * @param names local names already taken by earlier pieces
     */
    static Result of(FixSite site, ExpressionTree concatenation, IntFunction<String> placeholder, String before,
                     java.util.Set<String> names) {
        return of(site, List.of(concatenation), placeholder, before, names);
    }

    /** Like the other {@code of}, for pieces written one after the other (the arguments of an append chain). */
    static Result of(FixSite site, List<? extends ExpressionTree> texts, IntFunction<String> placeholder, String before,
                     java.util.Set<String> names) {
        List<Part> parts = new ArrayList<>();
        for (ExpressionTree concatenation : texts) {
            if (isFormat(site, concatenation)) {
                String problem = formatParts(site, (MethodInvocationTree) Splices.unwrap(concatenation), parts);
                if (problem != null) {
                    return new Refused(problem);
                }
            } else {
                flatten(site, concatenation, parts);
            }
        }
        List<Segment> out = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        List<NameCheck> checks = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        boolean inQuote = false;
        int i = 0;
        StringBuilder textSoFar = new StringBuilder(before == null ? "" : before);
        while (i < parts.size()) {
            Part p = parts.get(i);
            if (p instanceof Fixed f) {
                out.add(new Segment(f.value(), f.source()));
                textSoFar.append(f.value());
                inQuote ^= quotes(f.value()) % 2 == 1;
                i++;
                continue;
            }
            Value v = (Value) p;
            if (!inQuote) {
                String next = i + 1 < parts.size() && parts.get(i + 1) instanceof Fixed f ? f.value() : "";
                if (IN_LIST.matcher(textSoFar).matches() && next.startsWith(")")) {
                    SqlLists.Elements list = SqlLists.of(site, v.tree(), false);
                    if (list != null) {
                        String joined = placeholders(site, list, edits);
                        if (list.local() != null) {
                            edits.add(Edit.replace(site.start(list.local().getInitializer()),
                                    site.end(list.local().getInitializer()), joined));
                            out.add(new Segment("?", site.source(v.tree())));
                        } else {
                            out.add(new Segment("?", joined));
                        }
                        bindings.add(new Binding(list.values(), "String".equals(list.elementType()), v.tree(),
                                list.roots(), list, true));
                        textSoFar.append('?');
                        i++;
                        continue;
                    }
                }
                String element = SqlNames.listElement(textSoFar);
                if (element != null && SqlNameBuilder.isBuilder(site, Splices.unwrap(v.tree()))) {
                    String problem = SqlNameBuilder.check(site, (IdentifierTree) Splices.unwrap(v.tree()), element,
                            "Allow-list: only plain SQL names go into the " + site.source(v.tree()).strip()
                                    + " list; better, compare with the names this query may use.", names, edits);
                    if (problem != null) {
                        return new Refused(problem);
                    }
                    out.add(new Segment("n", site.source(v.tree())));
                    textSoFar.append('n');
                    i++;
                    continue;
                }
                if (!VALUE_OPERATOR.matcher(textSoFar).matches()) {
                    String problem = name(site, v.tree(), SqlNames.of(textSoFar, next), checks, names);
                    if (problem != null) {
                        return new Refused(problem);
                    }
                    NameCheck last = checks.isEmpty() ? null : checks.get(checks.size() - 1);
                    out.add(new Segment("n", last != null && last.tree() == Splices.unwrap(v.tree()) && last.hoisted() != null
                            ? last.name() : site.source(v.tree())));
                    textSoFar.append('n');
                    i++;
                    continue;
                }
                if (!(next.isEmpty() || Character.isWhitespace(next.charAt(0)) || next.charAt(0) == ')'
                        || next.charAt(0) == ',')) {
                    return new Refused("the value `" + site.source(v.tree()).strip() + "` is glued to SQL text around it");
                }
                if (site.isString(v.tree())) {
                    // A String spliced without quotes is read by the SQL as a number: bound as a String it would
                    // compare as text, which databases with strict types (PostgreSQL) reject for a numeric column.
                    // It stays in the SQL text, checked to be a number first.
                    int checked = checks.size();
                    if (name(site, v.tree(), SqlNames.Position.NUMBER, checks, names) == null) {
                        NameCheck last = checks.size() > checked ? checks.get(checks.size() - 1) : null;
                        out.add(new Segment("n", last != null && last.hoisted() != null ? last.name()
                                : site.source(v.tree())));
                        textSoFar.append('0');
                        i++;
                        continue;
                    }
                }
                bindings.add(new Binding(site.source(v.tree()), site.isString(v.tree()), v.tree(), List.of(v.tree()), false));
                out.add(new Segment(placeholder.apply(bindings.size()), null));
                textSoFar.append('?');
                i++;
                continue;
            }
            // Inside a quoted SQL literal: take back the text since the opening quote, then collect
            // values and text up to the closing quote; all of it becomes one bound string.
            List<String> pieces = new ArrayList<>();
            Segment open = out.isEmpty() ? null : out.get(out.size() - 1);
            if (open == null || open.source() != null) {
                return new Refused("a value is spliced into an SQL string that starts in a named constant");
            }
            int quote = open.value().lastIndexOf('\'');
            String prefix = open.value().substring(quote + 1);
            out.set(out.size() - 1, new Segment(open.value().substring(0, quote), null));
            if (prefix.isEmpty() && i + 1 < parts.size() && parts.get(i + 1) instanceof Fixed close
                    && close.source() == null && close.value().startsWith("')")
                    && IN_LIST.matcher(textSoFar.substring(0, textSoFar.length() - 1)).matches()) {
                // IN ('" + String.join("','", values) + "'): one placeholder per value.
                SqlLists.Elements list = SqlLists.of(site, v.tree(), true);
                if (list != null) {
                    out.add(new Segment("?", placeholders(site, list, edits)));
                    bindings.add(new Binding(list.values(), "String".equals(list.elementType()), v.tree(), list.roots(),
                            list, true));
                    textSoFar.setLength(textSoFar.length() - 1);
                    textSoFar.append('?');
                    parts.set(i + 1, new Fixed(close.value().substring(1), null));
                    inQuote = false;
                    i++;
                    continue;
                }
            }
            if (!prefix.isEmpty()) {
                pieces.add(FixSite.literal(prefix));
            }
            boolean closed = false;
            boolean onlyString = true;
            ExpressionTree single = null;
            List<ExpressionTree> valueTrees = new ArrayList<>();
            int values = 0;
            while (i < parts.size() && !closed) {
                Part q = parts.get(i);
                if (q instanceof Value qv) {
                    pieces.add(operand(site, qv.tree()));
                    onlyString &= site.isString(qv.tree());
                    single = qv.tree();
                    valueTrees.add(qv.tree());
                    values++;
                    i++;
                } else {
                    Fixed f = (Fixed) q;
                    if (f.source() != null) {
                        return new Refused("a quoted SQL string continues in a named constant");
                    }
                    int close = f.value().indexOf('\'');
                    if (close < 0) {
                        if (!f.value().isEmpty()) {
                            pieces.add(FixSite.literal(f.value()));
                        }
                        i++;
                        continue;
                    }
                    if (close + 1 < f.value().length() && f.value().charAt(close + 1) == '\'') {
                        return new Refused("the quoted SQL string holds an escaped quote");
                    }
                    if (close > 0) {
                        pieces.add(FixSite.literal(f.value().substring(0, close)));
                    }
                    String rest = f.value().substring(close + 1);
                    parts.set(i, new Fixed(rest, null));
                    closed = true;
                }
            }
            if (!closed) {
                return new Refused("a quoted SQL string is not closed in the concatenation");
            }
            inQuote = false;
            String expression;
            boolean isString;
            if (pieces.size() == 1 && values == 1 && onlyString) {
                expression = site.source(single);
                isString = true;
            } else if (values == 1 && pieces.size() == 1) {
                expression = "String.valueOf(" + site.source(single) + ")";
                isString = true;
            } else {
                if (!pieces.get(0).startsWith("\"") && !onlyString) {
                    pieces.add(0, "\"\"");
                }
                expression = String.join(" + ", pieces);
                isString = true;
            }
            bindings.add(new Binding(expression, isString, single, valueTrees, true));
            out.add(new Segment(placeholder.apply(bindings.size()), null));
            textSoFar.append('?');
        }
        if (before != null) {
            if (inQuote) {
                return new Refused("a quoted SQL string continues in another append");
            }
        } else if (bindings.isEmpty() && checks.isEmpty() && edits.isEmpty()) {
            return new Refused("no spliced value found in the SQL text");
        } else if (!bindings.isEmpty() && DDL.matcher(textSoFar).matches()) {
            return new Refused("the SQL is a DDL statement, which takes no bind parameters");
        }
        List<String> pieces = pieces(out);
        return new Ok(new SqlTemplate(pieces.isEmpty() ? "\"\"" : String.join(" + ", pieces), bindings, checks, edits,
                pieces, textSoFar.toString()));
    }

    private static final Pattern IN_LIST = Pattern.compile("(?is).*\\bin\\s*\\(\\s*");
    private static final Pattern DDL = Pattern.compile("(?is)\\s*(create|alter|drop|truncate|grant|revoke|rename)\\b.*");

    /** {@code String.join(",", Collections.nCopies(n, "?"))}: one placeholder per element. */
    private static String placeholders(FixSite site, SqlLists.Elements list, List<Edit> edits) {
        return "String.join(\",\", " + site.typeName("java.util.Collections", edits) + ".nCopies(" + list.size()
                + ", \"?\"))";
    }

    /**
     * Accepts a value that supplies SQL code when it is a name: a constant-valued field stays as it is, a
     * String local or parameter gets an allow-list check; anything else is refused with the reason.
     */
    private static String name(FixSite site, ExpressionTree value, SqlNames.Position position, List<NameCheck> checks,
                               java.util.Set<String> names) {
        String shown = "`" + site.source(value).strip() + "`";
        if (position.regex == null) {
            return switch (position) {
                case CONDITION -> "the value " + shown + " is a whole SQL condition: it can be neither bound nor checked"
                        + " against a list of names; build the condition from fixed column names with bind parameters";
                case STATEMENT -> "the whole SQL statement comes from " + shown + "; only fixed SQL text can be"
                        + " parameterized";
                case GLUED -> "the value " + shown + " is glued to the SQL text after it, so it is part of a name or"
                        + " list whose legitimate values are unknown; check it against an allow-list by hand";
                default -> "the value " + shown + " supplies SQL code (a keyword, expression or clause) that is not a"
                        + " plain name; check it against an allow-list of known values by hand";
            };
        }
        ExpressionTree v = Splices.unwrap(value);
        javax.lang.model.element.Element e = v instanceof IdentifierTree ? site.element(v) : null;
        if (e != null && e.getKind() == ElementKind.FIELD && constantField(site, e)) {
            return null; // fixed by the program, not input: it stays as it is
        }
        if (e == null && site.isString(v) && getter(site, v)) {
            // A getter (entry.getKey()) is read once into a local that is checked and then spliced in.
            String base = switch (position) {
                case NAMES -> "columns";
                case SORT -> "sort";
                case DIRECTION -> "direction";
                default -> "name";
            };
            String local = site.freshName(base);
            for (int n = 2; !names.add(local); n++) {
                local = site.freshName(base + n);
            }
            checks.add(new NameCheck(v, local, position, site.source(v)));
            return null;
        }
        if (e == null || !site.isString(v) || e.getKind() != ElementKind.LOCAL_VARIABLE
                && e.getKind() != ElementKind.PARAMETER && e.getKind() != ElementKind.RESOURCE_VARIABLE) {
            return "the value " + shown + " supplies " + position.what + ", which cannot be bound, and it is not a"
                    + " String local to check against an allow-list; check it by hand";
        }
        checks.add(new NameCheck(v, e.getSimpleName().toString(), position, null));
        return null;
    }

    /** A call without arguments of a getter or String method on a variable: reading it early changes nothing. */
    private static boolean getter(FixSite site, ExpressionTree e) {
        ExpressionTree t = Splices.unwrap(e);
        if (t instanceof IdentifierTree) {
            return site.element(t) != null;
        }
        if (!(t instanceof MethodInvocationTree call) || !call.getArguments().isEmpty()
                || !(call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms)) {
            return false;
        }
        String name = ms.getIdentifier().toString();
        return (name.startsWith("get") || name.startsWith("is") || Set.of("name", "toString", "trim", "strip",
                "toLowerCase", "toUpperCase").contains(name)) && getter(site, ms.getExpression());
    }

    /** A private or final field initialized with a constant and assigned nowhere else in the file. */
    private static boolean constantField(FixSite site, javax.lang.model.element.Element field) {
        var mods = field.getModifiers();
        if (!mods.contains(javax.lang.model.element.Modifier.PRIVATE)
                && !mods.contains(javax.lang.model.element.Modifier.FINAL)) {
            return false;
        }
        com.sun.source.tree.VariableTree decl = Locals.declaration(site, site.unit().tree(), field);
        return decl != null && decl.getInitializer() != null
                && Constants.string(site.unit(), decl.getInitializer()).isPresent()
                && !Locals.assigned(site, site.unit().tree(), field);
    }

    /** Parts of {@code String.format("…%s…", args)} with only {@code %s}, {@code %d} and {@code %%}; else why not. */
    private static String formatParts(FixSite site, MethodInvocationTree call, List<Part> parts) {
        List<? extends ExpressionTree> args = call.getArguments();
        String format = args.isEmpty() ? null : Constants.string(site.unit(), args.get(0)).orElse(null);
        if (format == null) {
            return "the SQL format string is not a constant";
        }
        StringBuilder text = new StringBuilder();
        int arg = 1;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                text.append(c);
                continue;
            }
            char k = i + 1 < format.length() ? format.charAt(++i) : ' ';
            if (k == '%') {
                text.append('%');
            } else if ((k == 's' || k == 'd') && arg < args.size()) {
                parts.add(new Fixed(text.toString(), null));
                text.setLength(0);
                ExpressionTree a = args.get(arg++);
                Object constant = Constants.value(site.unit(), a);
                if (constant != null) {
                    parts.add(new Fixed(String.valueOf(constant), null));
                } else {
                    parts.add(new Value(a));
                }
            } else {
                return "the SQL format uses `%" + k + "`; only %s and %d are turned into bind parameters";
            }
        }
        if (arg != args.size()) {
            return "the SQL format takes a different number of arguments than it is given";
        }
        parts.add(new Fixed(text.toString(), null));
        return null;
    }

    /** Whether an expression is SQL text the template can split: a concatenation or {@code String.format}. */
    static boolean isTemplate(FixSite site, ExpressionTree e) {
        return isConcatenation(site, e) || isFormat(site, e);
    }

    private static boolean isFormat(FixSite site, ExpressionTree e) {
        return Splices.unwrap(e) instanceof MethodInvocationTree m
                && m.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms
                && ms.getIdentifier().contentEquals("format") && ms.getExpression().toString().equals("String")
                && m.getArguments().size() >= 2;
    }

    private record Segment(String value, String source) {
    }

    private static List<String> pieces(List<Segment> segments) {
        List<String> java = new ArrayList<>();
        StringBuilder literal = null;
        for (Segment s : segments) {
            if (s.source() == null) {
                literal = literal == null ? new StringBuilder() : literal;
                literal.append(s.value());
            } else {
                if (literal != null) {
                    java.add(FixSite.literal(literal.toString()));
                    literal = null;
                }
                java.add(s.source());
            }
        }
        if (literal != null) {
            java.add(FixSite.literal(literal.toString()));
        }
        return java;
    }

    /** Source of a value as an operand of {@code +}, parenthesized when it binds more loosely. */
    private static String operand(FixSite site, ExpressionTree t) {
        String s = site.source(t);
        return t instanceof BinaryTree || t instanceof com.sun.source.tree.ConditionalExpressionTree
                || t instanceof com.sun.source.tree.AssignmentTree ? "(" + s + ")" : s;
    }

    private static int quotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\'') {
                n++;
            }
        }
        return n;
    }


    private static void flatten(FixSite site, ExpressionTree e, List<Part> parts) {
        ExpressionTree inner = Splices.unwrap(e);
        if (inner instanceof BinaryTree b && isConcatenation(site, inner)) {
            ExpressionTree left = b.getLeftOperand();
            if (stringOperand(site, left) || Splices.unwrap(left) instanceof LiteralTree) {
                flatten(site, left, parts);
            } else {
                parts.add(new Value(left));
            }
            flatten(site, b.getRightOperand(), parts);
            return;
        }
        if (inner instanceof LiteralTree l && l.getValue() != null) {
            parts.add(new Fixed(String.valueOf(l.getValue()), null));
            return;
        }
        Optional<String> constant = Constants.string(site.unit(), inner);
        if (constant.isPresent()) {
            parts.add(new Fixed(constant.get(), site.source(e)));
            return;
        }
        parts.add(new Value(e));
    }
}
