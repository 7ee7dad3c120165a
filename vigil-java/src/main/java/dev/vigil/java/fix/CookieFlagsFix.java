package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import java.util.List;
import java.util.Set;

/**
 * java/insecure-cookie and java/cookie-without-httponly: the missing flag is set just before the
 * cookie is sent: {@code cookie.setSecure(true);} / {@code cookie.setHttpOnly(true);} on a line of its
 * own before {@code response.addCookie(cookie)}, or {@code .secure(true)} / {@code .httpOnly(true)}
 * before {@code build()} of a Spring {@code ResponseCookie} builder (a later setter wins). Each rule
 * sets only its own flag: a cookie scripts must read keeps working when only Secure was missing.
 */
final class CookieFlagsFix implements FixRecipe {

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
            TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
            if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
                return site.notFixable("the cookie is sent inside an expression with no statement to set its flag before");
            }
            if (!secure && site.enclosingMethod(site.sink())
                    .map(m -> site.source(m.getLeaf()).contains(cookie.getName() + ".setHttpOnly(false)")).orElse(false)) {
                return site.notFixable("the code turns HttpOnly off on purpose (a script may read the cookie); decide by hand");
            }
            int at = site.start(stmt.getLeaf());
            String line = cookie.getName() + (secure ? ".setSecure(true);" : ".setHttpOnly(true);");
            return site.edits(secure ? "Secure flag set" : "HttpOnly flag set",
                    List.of(Edit.insert(at, line + site.lineSeparator() + site.indentation(at))));
        }
        if (method.equals("build") && call.getArguments().isEmpty()) {
            ExpressionTree builder = ms.getExpression();
            return site.edits(secure ? "Secure flag set on the builder" : "HttpOnly flag set on the builder",
                    List.of(Edit.insert(site.end(builder), secure ? ".secure(true)" : ".httpOnly(true)")));
        }
        return site.notFixable("the cookie is sent in a form this fix does not know (only addCookie(variable) and"
                + " ResponseCookie builders)");
    }
}
