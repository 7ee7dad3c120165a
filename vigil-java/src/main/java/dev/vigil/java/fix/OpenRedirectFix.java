package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/open-redirect: the redirect target is allowed only when it is a path on this site, else the
 * user goes to the site root:
 * <pre>
 * response.sendRedirect(next != null &amp;&amp; next.startsWith("/") &amp;&amp; !next.startsWith("//")
 *         &amp;&amp; !next.startsWith("/\\") ? next : "/");
 * </pre>
 * "//host" and "/\host" are excluded because browsers read both as another host. A target that is not
 * a local variable is first held in a new local so that the check and the redirect see the same value.
 * Targets with a fixed absolute prefix ({@code "https://" + host + "/home"}) would always fall back to "/",
 * which breaks their safe uses: there the host itself is checked, against an allow-list of trusted hosts that
 * starts empty, and replaced by this site's own host ({@code request.getServerName()}) when it is not on it.
 */
final class OpenRedirectFix implements FixRecipe {

    private static final String VIEW_PREFIX = "redirect:";

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/open-redirect");
    }

    @Override
    public FixProposal propose(FixSite site) {
        ExpressionTree url = target(site.sink().getLeaf());
        if (url == null) {
            return site.notFixable("the redirect target is not the argument of sendRedirect, a Location header,"
                    + " a RedirectView/ModelAndView, a returned \"redirect:\" view name or a URI created from a String"
                    + " at the redirect");
        }
        boolean inConcatenation = false;
        if (Splices.unwrap(url) instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS
                && Constants.string(site.unit(), b.getLeftOperand()).filter(VIEW_PREFIX::equals).isPresent()) {
            url = b.getRightOperand();
            inConcatenation = true;
        }
        Optional<String> prefix = Constants.string(site.unit(), leftmost(url));
        if (prefix.isPresent() && (!prefix.get().startsWith("/") || prefix.get().startsWith("//")
                || prefix.get().startsWith("/\\"))) {
            return hostAllowList(site, url, prefix.get());
        }
        if (!site.isString(url) && (inConcatenation || resolvedType(site, url))) {
            // A direct argument of unresolved type (library calls without the jar) is a String: every
            // sink above takes one there.
            return site.notFixable("the redirect target is not a String");
        }
        List<Edit> edits = new ArrayList<>();
        String variable;
        if (isLocal(site, url)) {
            variable = site.source(url);
        } else {
            TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
            if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
                return site.notFixable("the target is not a local variable and there is no statement to hold it in"
                        + " one before the redirect");
            }
            if (!(stmt.getLeaf() instanceof ReturnTree || stmt.getLeaf() instanceof com.sun.source.tree.ExpressionStatementTree)) {
                // Hoisting the target out of a loop or branch header would evaluate it where it was not before.
                return site.notFixable("the redirect is inside a " + stmt.getLeaf().getKind().toString().toLowerCase()
                        + " header; move the target into a local first");
            }
            variable = site.freshName("target");
            String indent = site.indentation(site.start(stmt.getLeaf()));
            edits.add(Edit.insert(site.start(stmt.getLeaf()),
                    "String " + variable + " = " + site.source(url) + ";" + site.lineSeparator() + indent));
        }
        String check = variable + " != null && " + variable + ".startsWith(\"/\") && !" + variable
                + ".startsWith(\"//\") && !" + variable + ".startsWith(\"/\\\\\") ? " + variable + " : \"/\"";
        edits.add(Edit.replace(site.start(url), site.end(url), inConcatenation ? "(" + check + ")" : check));
        return site.edits("redirect target limited to paths on this site (else \"/\")", edits);
    }

    /**
     * A target with a fixed absolute prefix that ends where the host starts ({@code "https://" + host + "/home"},
     * {@code "//" + host}): the host is kept when it is on an allow-list of other trusted hosts, empty to start
     * with, and is otherwise replaced by this site's own host, so a redirect to the current host keeps working
     * and no other host is reached until someone lists it:
     * <pre>
     * // Allow-list of other trusted hosts (none yet; add them here): any other host becomes this site's own.
     * response.sendRedirect("https://" + (Arrays.asList().contains(host) ? host : request.getServerName()) + "/home");
     * </pre>
     */
    private FixProposal hostAllowList(FixSite site, ExpressionTree url, String prefix) {
        String refusal = "the target has the fixed prefix \"" + prefix + "\" and is never a path on this site";
        List<ExpressionTree> operands = new ArrayList<>();
        flatten(url, operands);
        if (!prefix.matches("([A-Za-z][A-Za-z0-9+.-]*:)?//") || operands.size() < 2
                || Constants.string(site.unit(), operands.get(0)).isEmpty()) {
            return site.notFixable(refusal + ", and its host is not a separate value after the prefix; check the"
                    + " host against an allow-list by hand");
        }
        ExpressionTree host = operands.get(1);
        if (!isLocal(site, host) || !site.isString(host)) {
            return site.notFixable(refusal + "; its host `" + site.source(host) + "` is not a String local to check"
                    + " against an allow-list");
        }
        if (operands.size() > 2) {
            Optional<String> after = Constants.string(site.unit(), operands.get(2));
            if (after.isEmpty() || !(after.get().isEmpty() || "/?#:".indexOf(after.get().charAt(0)) >= 0)) {
                return site.notFixable(refusal + ", and `" + site.source(host) + "` is only part of its host; check"
                        + " the host against an allow-list by hand");
            }
        }
        String request = requestVariable(site);
        if (request == null) {
            return site.notFixable(refusal + ", and no HttpServletRequest parameter names this site's host to fall"
                    + " back to; check the host against an allow-list by hand");
        }
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable(refusal + ", and there is no statement to explain the host allow-list before");
        }
        List<Edit> edits = new ArrayList<>();
        String arrays = site.typeName("java.util.Arrays", edits);
        String name = site.source(host);
        String indent = site.indentation(site.start(stmt.getLeaf()));
        edits.add(Edit.insert(site.start(stmt.getLeaf()), "// Allow-list of other trusted hosts (none yet; add them here):"
                + " any other host becomes this site's own." + site.lineSeparator() + indent));
        edits.add(Edit.replace(site.start(host), site.end(host), "(" + arrays + ".asList().contains(" + name + ") ? "
                + name + " : " + request + ".getServerName())"));
        return site.edits("redirect host limited to this site's own and an allow-list (empty) of other hosts", edits);
    }

    /** A parameter of the enclosing method that is the servlet request. */
    private static String requestVariable(FixSite site) {
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null) {
            return null;
        }
        for (com.sun.source.tree.VariableTree param : ((com.sun.source.tree.MethodTree) method.getLeaf()).getParameters()) {
            String type = param.getType().toString();
            type = type.substring(type.lastIndexOf('.') + 1);
            if (type.equals("HttpServletRequest") || type.equals("StaplerRequest") || type.equals("StaplerRequest2")) {
                return param.getName().toString();
            }
        }
        return null;
    }

    private static void flatten(ExpressionTree e, List<ExpressionTree> out) {
        Splices.operands(e, Splices::unwrap, out);
    }

    /** The expression that names where the user is sent, at a sink the taint rules report. */
    private static ExpressionTree target(Tree sink) {
        if (sink instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
            String name = ms.getIdentifier().toString();
            List<? extends ExpressionTree> args = call.getArguments();
            if (name.equals("sendRedirect") && args.size() == 1) {
                return args.get(0);
            }
            if ((name.equals("setHeader") || name.equals("addHeader")) && args.size() == 2) {
                return args.get(1);
            }
            if (name.equals("redirectTo") && args.size() == 1) {
                return args.get(0);
            }
            if ((name.equals("seeOther") || name.equals("temporaryRedirect") || name.equals("setLocation")
                    || name.equals("location"))
                    && args.size() == 1) {
                // A URI made from a String here: the String is the target.
                ExpressionTree uri = Splices.unwrap(args.get(0));
                if (uri instanceof MethodInvocationTree create && create.getArguments().size() == 1
                        && create.getMethodSelect() instanceof MemberSelectTree cs
                        && cs.getIdentifier().contentEquals("create") && cs.getExpression().toString().endsWith("URI")) {
                    return create.getArguments().get(0);
                }
                if (uri instanceof NewClassTree creation && creation.getArguments().size() == 1
                        && creation.getIdentifier().toString().endsWith("URI")) {
                    return creation.getArguments().get(0);
                }
            }
            return null;
        }
        if (sink instanceof NewClassTree creation) {
            String type = creation.getIdentifier().toString();
            type = type.substring(type.lastIndexOf('.') + 1);
            return (type.equals("RedirectView") || type.equals("ModelAndView")) && !creation.getArguments().isEmpty()
                    ? creation.getArguments().get(0) : null;
        }
        return sink instanceof ExpressionTree e && !(sink instanceof MethodInvocationTree) ? e : null;
    }

    private static boolean resolvedType(FixSite site, ExpressionTree e) {
        javax.lang.model.type.TypeMirror t = site.type(e);
        // NONE: javac's recovery type for an argument of a method it could not resolve.
        return t != null && t.getKind() != javax.lang.model.type.TypeKind.ERROR
                && t.getKind() != javax.lang.model.type.TypeKind.NONE;
    }


    /** A local variable or parameter: the check can read it again without calling anything. */
    private static boolean isLocal(FixSite site, ExpressionTree e) {
        if (!(e instanceof IdentifierTree)) {
            return false;
        }
        Element el = site.element(e);
        return el != null && (el.getKind() == ElementKind.LOCAL_VARIABLE || el.getKind() == ElementKind.PARAMETER);
    }

    private static ExpressionTree leftmost(ExpressionTree e) {
        ExpressionTree t = Splices.unwrap(e);
        while (t instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            t = Splices.unwrap(b.getLeftOperand());
        }
        return t;
    }
}
