package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * java/insecure-cookie and java/cookie-without-httponly: the missing flag is set. A flag the code
 * turns off with a literal {@code false} ({@code setSecure(false)}, {@code .httpOnly(false)}) is turned
 * on where it is written; otherwise {@code cookie.setSecure(true);} / {@code cookie.setHttpOnly(true);}
 * goes on a line of its own before {@code response.addCookie(cookie)}, or {@code .secure(true)} /
 * {@code .httpOnly(true)} before {@code build()} of a Spring {@code ResponseCookie} builder (a later
 * setter wins). Each rule sets only its own flag: a cookie scripts must read keeps working when only
 * Secure was missing. HttpOnly turned off explicitly is turned on only for a cookie whose name says it
 * carries a credential (session, token, auth…); for another cookie (a theme, a CSRF token the page's
 * script sends back) it is left for a person.
 */
final class CookieFlagsFix implements FixRecipe {

    /** Cookie names that carry a credential: scripts never need to read them. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i).*(sess|token|auth|refresh|remember|login|jwt|sid|credential).*");

    /** Names of cookies a script reads on purpose (double-submit CSRF tokens). */
    private static final Pattern SCRIPT_READ = Pattern.compile("(?i).*(csrf|xsrf).*");

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/insecure-cookie", "java/cookie-without-httponly");
    }

    @Override
    public FixProposal propose(FixSite site) {
        boolean secure = site.finding().ruleId().equals("java/insecure-cookie");
        if (!(site.sink().getLeaf() instanceof MethodInvocationTree call)
                || !(call.getMethodSelect() instanceof MemberSelectTree ms)) {
            return site.notFixable("the cookie is not sent by a call that can be changed here");
        }
        String method = ms.getIdentifier().toString();
        if (method.equals("addCookie") && call.getArguments().size() == 1
                && call.getArguments().get(0) instanceof IdentifierTree cookie) {
            return servletCookie(site, secure, cookie);
        }
        MethodInvocationTree build = builderEnd(site.sink());
        if (build != null) {
            return builder(site, secure, build);
        }
        return site.notFixable("the cookie is sent in a form this fix does not know (only addCookie(variable) and"
                + " ResponseCookie builders)");
    }

    private static FixProposal servletCookie(FixSite site, boolean secure, IdentifierTree cookie) {
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (stmt == null || method == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the cookie is sent inside an expression with no statement to set its flag before");
        }
        String setter = secure ? "setSecure" : "setHttpOnly";
        MethodInvocationTree off = literalFalse(site, method, cookie.getName().toString(), setter);
        if (off != null) {
            if (!secure) {
                String name = cookieName(site, method, cookie.getName().toString());
                String refusal = httpOnlyOffRefusal(name);
                if (refusal != null) {
                    return site.notFixable(refusal);
                }
            }
            ExpressionTree arg = off.getArguments().get(0);
            return site.edits(secure ? "Secure flag turned on" : "HttpOnly flag turned on for a credential cookie"
                            + " (scripts can no longer read it)",
                    List.of(Edit.replace(site.start(arg), site.end(arg), "true")));
        }
        int at = site.start(stmt.getLeaf());
        String line = cookie.getName() + "." + setter + "(true);";
        return site.edits(secure ? "Secure flag set" : "HttpOnly flag set",
                List.of(Edit.insert(at, line + site.lineSeparator() + site.indentation(at))));
    }

    private static FixProposal builder(FixSite site, boolean secure, MethodInvocationTree build) {
        String flag = secure ? "secure" : "httpOnly";
        MethodInvocationTree off = null;
        String name = null;
        ExpressionTree e = ((MemberSelectTree) build.getMethodSelect()).getExpression();
        while (e instanceof MethodInvocationTree link && link.getMethodSelect() instanceof MemberSelectTree lms) {
            if (lms.getIdentifier().contentEquals(flag) && link.getArguments().size() == 1
                    && link.getArguments().get(0) instanceof LiteralTree l && Boolean.FALSE.equals(l.getValue())) {
                off = link;
            }
            if (lms.getIdentifier().contentEquals("from") && !link.getArguments().isEmpty()) {
                name = Constants.string(site.unit(), link.getArguments().get(0)).orElse(null);
            }
            e = lms.getExpression();
        }
        if (off != null) {
            if (!secure && httpOnlyOffRefusal(name) != null) {
                return site.notFixable(httpOnlyOffRefusal(name));
            }
            ExpressionTree arg = off.getArguments().get(0);
            return site.edits(secure ? "Secure flag turned on in the builder" : "HttpOnly flag turned on in the builder"
                    + " for a credential cookie (scripts can no longer read it)",
                    List.of(Edit.replace(site.start(arg), site.end(arg), "true")));
        }
        MemberSelectTree buildName = (MemberSelectTree) build.getMethodSelect();
        if (secure) {
            return site.edits("Secure flag set on the builder",
                    List.of(Edit.insert(site.end(buildName.getExpression()), ".secure(true)")));
        }
        // Written before the name "build", so that both flags can be added to one chain without clashing.
        int nameStart = site.end(buildName) - "build".length();
        return site.edits("HttpOnly flag set on the builder",
                List.of(Edit.replace(nameStart, site.end(buildName), "httpOnly(true).build")));
    }

    /** Why HttpOnly turned off explicitly must stay off, or null when the cookie carries a credential. */
    private static String httpOnlyOffRefusal(String name) {
        if (name == null) {
            return "the code turns HttpOnly off on purpose and the cookie's name is not a constant: a script may need"
                    + " to read it; decide by hand";
        }
        if (SCRIPT_READ.matcher(name).matches() || !CREDENTIAL.matcher(name).matches()) {
            return "the code turns HttpOnly off on purpose for \"" + name + "\", which is not a credential cookie (a"
                    + " script may read it); decide by hand";
        }
        return null;
    }

    /** The {@code build()} call ending the ResponseCookie builder chain the sink is part of, or null. */
    private static MethodInvocationTree builderEnd(TreePath sink) {
        TreePath p = sink;
        while (p.getParentPath() != null && p.getParentPath().getLeaf() instanceof MemberSelectTree
                && p.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree outer) {
            p = p.getParentPath().getParentPath();
            if (((MemberSelectTree) outer.getMethodSelect()).getIdentifier().contentEquals("build")
                    && outer.getArguments().isEmpty()) {
                return outer;
            }
        }
        return sink.getLeaf() instanceof MethodInvocationTree m && m.getMethodSelect() instanceof MemberSelectTree ms
                && ms.getIdentifier().contentEquals("build") && m.getArguments().isEmpty() ? m : null;
    }

    /** A statement {@code cookie.setter(false)} with a literal false in the method, or null. */
    private static MethodInvocationTree literalFalse(FixSite site, TreePath method, String cookie, String setter) {
        MethodInvocationTree[] found = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitExpressionStatement(ExpressionStatementTree node, Void unused) {
                if (node.getExpression() instanceof MethodInvocationTree m && m.getMethodSelect() instanceof MemberSelectTree ms
                        && ms.getIdentifier().contentEquals(setter) && ms.getExpression() instanceof IdentifierTree id
                        && id.getName().contentEquals(cookie) && m.getArguments().size() == 1
                        && m.getArguments().get(0) instanceof LiteralTree l && Boolean.FALSE.equals(l.getValue())) {
                    found[0] = m;
                }
                return super.visitExpressionStatement(node, unused);
            }
        }.scan(method, null);
        return found[0];
    }

    /** The constant name of the cookie created in the method as {@code new Cookie(name, value)}, or null. */
    private static String cookieName(FixSite site, TreePath method, String cookie) {
        String[] name = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                if (node.getName().contentEquals(cookie) && node.getInitializer() instanceof NewClassTree n
                        && !n.getArguments().isEmpty()) {
                    name[0] = Constants.string(site.unit(), n.getArguments().get(0)).orElse(null);
                }
                return super.visitVariable(node, unused);
            }
        }.scan(method, null);
        return name[0];
    }
}
