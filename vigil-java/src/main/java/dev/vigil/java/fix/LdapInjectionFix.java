package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/ldap-injection: each value spliced into a search filter is escaped where it is spliced, so it
 * can only be an assertion value: RFC 4515 escaping ({@code \ * ( )} NUL become {@code \5c \2a \28 \29
 * \00}). A value inside a distinguished name (a DN sink, or a DN written as the value of a filter
 * assertion such as {@code (member=uid=…,ou=people)}) gets RFC 4514 escaping, and inside a filter the
 * filter escaping on top. The escaper is the one the file already uses (Spring LDAP's
 * {@code LdapEncoder}, ESAPI), else a small private helper added once to the class that writes the special
 * characters of both notations as {@code \XX} hex pairs (both read them as the character). Values that supply
 * filter syntax rather than a value (a whole sub-filter) are left alone; the verifier then tells
 * whether the finding is gone.
 */
final class LdapInjectionFix implements FixRecipe {

    /** {@code (attr=}, {@code (attr~=}, {@code (attr:dn:rule:=} … and the assertion value written so far. */
    private static final Pattern ASSERTION =
            Pattern.compile("\\(\\s*[A-Za-z0-9][A-Za-z0-9.;-]*(:[A-Za-z0-9.:;-]*)?[~<>]?=([^()]*)$");
    private static final Pattern DN_VALUE =
            Pattern.compile("\\s*([A-Za-z][A-Za-z0-9.-]*=[^,+;=]*[,+;]\\s*)*[A-Za-z][A-Za-z0-9.-]*=");
    private static final Pattern ENCODED = Pattern.compile("(?i).*(encode|escape).*");

    private static final List<String> HELPER = List.of(
            "/**",
            " * Escapes LDAP special characters as \\XX hex pairs, valid in search filters (RFC 4515) and DNs (RFC 4514).",
            " * A DN written inside a filter is escaped twice: as a DN value, then as filter text.",
            " */",
            "private static String NAME(String value) {",
            "    if (value == null) {",
            "        return null;",
            "    }",
            "    return value.replace(\"\\\\\", \"\\\\5c\").replace(\"*\", \"\\\\2a\").replace(\"(\", \"\\\\28\").replace(\")\", \"\\\\29\")",
            "            .replace(\"\\0\", \"\\\\00\").replace(\",\", \"\\\\2c\").replace(\"+\", \"\\\\2b\").replace(\"\\\"\", \"\\\\22\")",
            "            .replace(\"<\", \"\\\\3c\").replace(\">\", \"\\\\3e\").replace(\";\", \"\\\\3b\").replace(\"=\", \"\\\\3d\")",
            "            .replace(\"#\", \"\\\\23\");",
            "}");

    private enum Position { FILTER, DN, DN_IN_FILTER }

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/ldap-injection");
    }

    @Override
    public FixProposal propose(FixSite site) {
        if (!(site.sink().getLeaf() instanceof MethodInvocationTree call)) {
            return site.notFixable("the sink is not a call");
        }
        CallTarget target = CallTarget.of(site.unit(), site.sink());
        String name = target == null ? "" : target.name();
        String owner = target == null ? "" : String.valueOf(target.declaringType());
        boolean dnSink = name.equals("lookup") || name.equals("lookupLink");
        int index = dnSink || name.equals("create") ? 0 : owner.contains("unboundid") ? 2 : 1;
        if (call.getArguments().size() <= index) {
            return site.notFixable("no filter argument found at the sink");
        }
        ExpressionTree arg = call.getArguments().get(index);
        List<Spliced> values = new ArrayList<>();
        String problem = values(site, arg, dnSink, values);
        if (problem != null) {
            return site.notFixable(problem);
        }
        Encoders enc = encoders(site);
        List<Edit> edits = new ArrayList<>();
        String helper = null;
        int escaped = 0;
        for (Spliced s : values) {
            ExpressionTree v = s.value();
            if (Splices.inert(site, v) || alreadyEncoded(v)) {
                continue;
            }
            String value = site.isString(v) ? site.source(v) : "String.valueOf(" + site.source(v) + ")";
            String text;
            if (enc == null) {
                if (helper == null) {
                    helper = HelperMethods.ensure(site, "escapeLdap", HELPER, edits);
                    if (helper == null) {
                        return site.notFixable("no class to add the escaping helper to");
                    }
                }
                text = s.position() == Position.DN_IN_FILTER ? helper + "(" + helper + "(" + value + "))"
                        : helper + "(" + value + ")";
            } else {
                String type = site.typeName(enc.type(), edits);
                String filter = type + enc.filter();
                String dn = type + enc.dn();
                text = switch (s.position()) {
                    case FILTER -> filter + "(" + value + ")";
                    case DN -> dn + "(" + value + ")";
                    case DN_IN_FILTER -> filter + "(" + dn + "(" + value + "))";
                };
            }
            edits.add(Edit.replace(site.start(v), site.end(v), text));
            escaped++;
        }
        if (escaped == 0) {
            return site.notFixable(dnSink ? "no value spliced into the DN as an attribute value"
                    : "no value spliced into the filter as an assertion value (the input supplies filter syntax)");
        }
        String by = enc == null ? "a private " + helper + " helper" : simple(enc.type()) + enc.filter();
        return site.edits("LDAP-escaped " + escaped + " spliced value(s) with " + by, edits);
    }

    /** A value spliced into the filter or DN, and where it sits. */
    private record Spliced(ExpressionTree value, Position position) {
    }

    /** Collects the values spliced into the argument where they can be escaped; returns why there are none. */
    private static String values(FixSite site, ExpressionTree arg, boolean dn, List<Spliced> out) {
        if (text(site, arg, dn, out)) {
            return null;
        }
        ExpressionTree inner = Splices.unwrap(arg);
        if (!(inner instanceof IdentifierTree id)) {
            return "the " + (dn ? "DN" : "filter") + " is not built by concatenation at the sink or in a local";
        }
        Element el = site.element(id);
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (el == null || el.getKind() != ElementKind.LOCAL_VARIABLE || method == null) {
            return "the " + (dn ? "DN" : "filter") + " comes from a "
                    + (el == null ? "value" : el.getKind().toString().toLowerCase().replace('_', ' '))
                    + " built elsewhere; escape the values where it is built";
        }
        VariableTree decl = Locals.declaration(site, method.getLeaf(), el);
        if (decl == null || decl.getInitializer() == null || Locals.assigned(site, method.getLeaf(), el)) {
            return "the filter local is assigned more than once";
        }
        return branches(site, decl.getInitializer(), dn, out) ? null
                : "the filter local is not built by concatenation in its declaration";
    }

    private static boolean branches(FixSite site, ExpressionTree e, boolean dn, List<Spliced> out) {
        ExpressionTree inner = Splices.unwrap(e);
        if (inner instanceof ConditionalExpressionTree c) {
            boolean t = branches(site, c.getTrueExpression(), dn, out);
            boolean f = branches(site, c.getFalseExpression(), dn, out);
            return t || f;
        }
        return Constants.value(site.unit(), inner) == null && text(site, inner, dn, out);
    }

    /**
     * A concatenation or builder chain, or a call of a project method that returns one built from its
     * parameters ({@code Filters.memberFilter(group, user)}): then the call's arguments are escaped.
     */
    private static boolean text(FixSite site, ExpressionTree e, boolean dn, List<Spliced> out) {
        List<Splices.Part> parts = Splices.of(site, e);
        if (parts != null) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).value() != null) {
                    Position pos = position(Splices.before(parts, i, "x"), dn);
                    if (pos != null) {
                        out.add(new Spliced(parts.get(i).value(), pos));
                    }
                }
            }
            return true;
        }
        if (!(Splices.unwrap(e) instanceof MethodInvocationTree call)
                || !(site.element(call) instanceof javax.lang.model.element.ExecutableElement m)) {
            return false;
        }
        if (!m.getReturnType().toString().equals("java.lang.String") || m.isVarArgs()
                || !(site.unit().trees().getTree(m) instanceof MethodTree mt) || mt.getBody() == null
                || mt.getBody().getStatements().size() != 1
                || !(mt.getBody().getStatements().get(0) instanceof ReturnTree ret) || ret.getExpression() == null
                || mt.getParameters().size() != call.getArguments().size()) {
            return false;
        }
        List<Splices.Part> body = new ArrayList<>();
        if (!literalsAndNames(ret.getExpression(), body)) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < body.size(); i++) {
            ExpressionTree v = body.get(i).value();
            if (!(v instanceof IdentifierTree pid)) {
                continue;
            }
            for (int p = 0; p < mt.getParameters().size(); p++) {
                if (mt.getParameters().get(p).getName().contentEquals(pid.getName())) {
                    Position pos = position(Splices.before(body, i, "x"), dn);
                    if (pos != null) {
                        out.add(new Spliced(call.getArguments().get(p), pos));
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    /** A concatenation of String literals and names only (a method body in another file, not attributed here). */
    private static boolean literalsAndNames(ExpressionTree e, List<Splices.Part> out) {
        ExpressionTree inner = Splices.unwrap(e);
        if (inner instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            return literalsAndNames(b.getLeftOperand(), out) && literalsAndNames(b.getRightOperand(), out);
        }
        if (inner instanceof LiteralTree l && l.getValue() instanceof String text) {
            if (!out.isEmpty() && out.get(out.size() - 1).text() != null) {
                text = out.remove(out.size() - 1).text() + text;
            }
            out.add(new Splices.Part(text, null));
            return true;
        }
        if (inner instanceof IdentifierTree) {
            out.add(new Splices.Part(null, inner));
            return true;
        }
        return false;
    }

    private static Position position(String before, boolean dn) {
        return dn ? dnPosition(before) : filterPosition(before);
    }

    /** Where a value sits in a filter, from the constant text before it. */
    static Position filterPosition(String before) {
        Matcher m = ASSERTION.matcher(before);
        if (!m.find()) {
            return null;
        }
        // A DN as the assertion value: RDNs "attr=value," and the value spliced right after "attr=".
        return DN_VALUE.matcher(m.group(2)).matches() ? Position.DN_IN_FILTER : Position.FILTER;
    }

    /** In a DN a value is an attribute value when it follows {@code attr=}. */
    static Position dnPosition(String before) {
        return before.matches("(?s).*[A-Za-z0-9.;-]\\s*=[^,+;]*") ? Position.DN : null;
    }

    private static boolean alreadyEncoded(ExpressionTree v) {
        return Splices.unwrap(v) instanceof MethodInvocationTree call && ENCODED.matcher(
                call.getMethodSelect().toString().replaceAll(".*\\.", "")).matches();
    }

    /** A library escaper: the type to import and the call prefixes for filter values and DN values. */
    private record Encoders(String type, String filter, String dn) {
    }

    private static Encoders encoders(FixSite site) {
        boolean spring = false;
        boolean esapi = false;
        for (ImportTree imp : site.unit().tree().getImports()) {
            String q = imp.getQualifiedIdentifier().toString();
            spring |= q.startsWith("org.springframework.ldap.");
            esapi |= q.startsWith("org.owasp.esapi.");
        }
        if (spring) {
            return new Encoders("org.springframework.ldap.support.LdapEncoder", ".filterEncode", ".nameEncode");
        }
        if (esapi) {
            return new Encoders("org.owasp.esapi.ESAPI", ".encoder().encodeForLDAP", ".encoder().encodeForDN");
        }
        return null;
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
