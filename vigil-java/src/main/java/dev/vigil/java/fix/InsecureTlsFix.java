package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * java/insecure-tls: the override that switches verification off is removed, so the platform's (or
 * the client's) default verification applies again.
 * <ul>
 * <li>An allow-all verifier or trust strategy handed to a setter: the statement
 * ({@code setDefaultHostnameVerifier}, {@code setHostnameVerifier}, {@code setSSLHostnameVerifier}) is
 * deleted, or the builder step ({@code .hostnameVerifier(…)}, {@code .setSSLHostnameVerifier(…)},
 * {@code .loadTrustMaterial(null, …)}) is dropped from its chain; {@code loadTrustMaterial(store, …)}
 * keeps the store without the strategy.</li>
 * <li>Apache's {@code NoopHostnameVerifier} / {@code ALLOW_ALL_HOSTNAME_VERIFIER} passed to a socket
 * factory becomes the library's {@code DefaultHostnameVerifier}.</li>
 * <li>A {@code HostnameVerifier.verify} that returns true asks the platform default verifier.</li>
 * <li>A trust-all manager created only as the trust managers of {@code SSLContext.init} is removed
 * ({@code init(km, null, rnd)}: the default trust managers). Elsewhere, a {@code checkServerTrusted}
 * that accepts everything delegates to the platform's default trust manager; one that swallows the
 * delegate's CertificateException rethrows it.</li>
 * </ul>
 */
final class InsecureTlsFix implements FixRecipe {

    private static final Set<String> SETTERS = Set.of("setHostnameVerifier", "setDefaultHostnameVerifier",
            "hostnameVerifier", "setSSLHostnameVerifier");

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/insecure-tls");
    }

    @Override
    public FixProposal propose(FixSite site) {
        Tree leaf = site.sink().getLeaf();
        if (leaf instanceof MethodTree method) {
            String name = method.getName().toString();
            if (name.equals("checkServerTrusted")) {
                return trustManager(site, method);
            }
            if (name.equals("verify")) {
                return hostnameVerifier(site, method);
            }
            return site.notFixable("unrecognized insecure TLS method " + name);
        }
        if (leaf instanceof LambdaExpressionTree || leaf instanceof MemberSelectTree || leaf instanceof NewClassTree) {
            return argument(site, (ExpressionTree) leaf);
        }
        return site.notFixable("unrecognized insecure TLS construct");
    }

    /** An allow-all verifier or strategy passed as an argument. */
    private static FixProposal argument(FixSite site, ExpressionTree value) {
        TreePath parent = site.sink().getParentPath();
        if (parent.getLeaf() instanceof NewClassTree creation && creation.getArguments().size() == 2
                && creation.getArguments().get(1) == value) {
            String type = CallTarget.ofNew(site.unit(), parent).declaringType();
            if (type.endsWith(".SSLConnectionSocketFactory")) {
                List<Edit> edits = new ArrayList<>();
                String verifier = site.typeName(type.substring(0, type.lastIndexOf('.')) + ".DefaultHostnameVerifier", edits);
                edits.add(Edit.replace(site.start(value), site.end(value), "new " + verifier + "()"));
                return site.edits("the library's DefaultHostnameVerifier checks host names again", edits);
            }
        }
        if (!(parent.getLeaf() instanceof MethodInvocationTree call) || !(call.getMethodSelect() instanceof MemberSelectTree ms)) {
            return site.notFixable("the allow-all verifier is not passed to a setter this fix can remove (it is stored"
                    + " or returned: remove it where it is installed)");
        }
        String method = ms.getIdentifier().toString();
        if (method.equals("loadTrustMaterial") && call.getArguments().size() == 2 && call.getArguments().get(1) == value) {
            ExpressionTree store = call.getArguments().get(0);
            if (!(store instanceof LiteralTree l && l.getValue() == null)) {
                List<Edit> edits = List.of(Edit.replace(site.start(value), site.end(value), "null"));
                return site.edits("the trust store is checked by the default trust manager again (no trust-all"
                        + " strategy)", edits);
            }
            return removeCall(site, parent, call, ms, "no trust material: the platform's default trust store applies");
        }
        if (!SETTERS.contains(method) || call.getArguments().size() != 1) {
            return site.notFixable("the allow-all verifier is passed to " + method + ", which this fix does not know");
        }
        return removeCall(site, parent, call, ms, "the default host name verifier applies");
    }

    /** Deletes the statement that is the call, or drops the call from its builder chain. */
    private static FixProposal removeCall(FixSite site, TreePath callPath, MethodInvocationTree call, MemberSelectTree ms,
                                          String effect) {
        TreePath outer = callPath.getParentPath();
        if (outer.getLeaf() instanceof ExpressionStatementTree stmt && outer.getParentPath().getLeaf() instanceof BlockTree) {
            int start = site.start(stmt);
            int lineEnd = site.text().indexOf('\n', site.end(stmt));
            if (!site.startsLine(start) || lineEnd < 0 || !restIsComment(site.text().substring(site.end(stmt), lineEnd))) {
                return site.notFixable("the statement shares its line with other code");
            }
            return site.edits(ms.getIdentifier() + " with the allow-all argument removed: " + effect,
                    List.of(Edit.replace(site.lineStart(start), lineEnd + 1, "")));
        }
        return dropLink(site, callPath, call, ms, effect);
    }

    /** Removes {@code .method(args)} from a builder chain. */
    private static FixProposal dropLink(FixSite site, TreePath callPath, MethodInvocationTree call, MemberSelectTree ms,
                                        String effect) {
        Tree outer = callPath.getParentPath().getLeaf();
        if (!(outer instanceof MemberSelectTree next) || next.getExpression() != call) {
            return site.notFixable("the call is not a step of a builder chain that can be dropped");
        }
        int receiverEnd = site.end(ms.getExpression());
        int dot = site.text().indexOf('.', receiverEnd);
        String text = site.text();
        int callEnd = site.end(call);
        int lineEnd = text.indexOf('\n', callEnd);
        if (site.startsLine(dot) && lineEnd >= 0 && restIsComment(text.substring(callEnd, lineEnd))) {
            // The step is on a line of its own: the line goes.
            return site.edits(ms.getIdentifier() + " removed: " + effect,
                    List.of(Edit.replace(site.lineStart(dot), lineEnd + 1, "")));
        }
        return site.edits(ms.getIdentifier() + " removed: " + effect, List.of(Edit.replace(receiverEnd, callEnd, "")));
    }

    private static boolean restIsComment(String rest) {
        String r = rest.strip();
        return r.isEmpty() || r.startsWith("//");
    }

    /**
     * {@code return true;} in a HostnameVerifier becomes the answer of the default verifier captured when
     * the verifier is created (asking for the default at each call would recurse once this verifier is
     * installed as the default).
     */
    private static FixProposal hostnameVerifier(FixSite site, MethodTree method) {
        BlockTree body = method.getBody();
        TreePath cls = site.sink().getParentPath();
        if (body == null || body.getStatements().size() != 1 || !(body.getStatements().get(0) instanceof ReturnTree ret)
                || !(cls.getLeaf() instanceof com.sun.source.tree.ClassTree owner)) {
            return site.notFixable("the verifier's body is not a single return in a class");
        }
        int at = site.lineStart(site.start(method));
        if (!site.startsLine(site.start(method))) {
            return site.notFixable("the verify method shares its line with other code");
        }
        Set<String> members = new java.util.HashSet<>();
        for (Tree m : owner.getMembers()) {
            if (m instanceof com.sun.source.tree.VariableTree v) {
                members.add(v.getName().toString());
            }
        }
        String field = "defaultVerifier";
        for (int n = 2; members.contains(field); n++) {
            field = "defaultVerifier" + n;
        }
        List<Edit> edits = new ArrayList<>();
        String https = site.typeName("javax.net.ssl.HttpsURLConnection", edits);
        String verifierType = site.typeName("javax.net.ssl.HostnameVerifier", edits);
        String indent = site.indentation(site.start(method));
        String sep = site.lineSeparator();
        String host = method.getParameters().get(0).getName().toString();
        String session = method.getParameters().get(1).getName().toString();
        edits.add(Edit.insert(at, indent + "private final " + verifierType + " " + field + " = " + https
                + ".getDefaultHostnameVerifier();" + sep + sep));
        edits.add(Edit.replace(site.start(ret.getExpression()), site.end(ret.getExpression()),
                field + ".verify(" + host + ", " + session + ")"));
        return site.edits("the default HostnameVerifier (captured when this verifier is created) decides: only host"
                + " names the certificate matches are accepted", edits);
    }

    /**
     * A trust-all manager created only for {@code sslContext.init(km, new TrustManager[] {manager}, rnd)}:
     * the array becomes {@code null}, so the context uses the default trust managers. Null otherwise.
     */
    private static FixProposal removeFromInit(FixSite site) {
        TreePath body = site.sink().getParentPath();
        TreePath creation = body.getParentPath();
        if (creation == null || !(creation.getLeaf() instanceof NewClassTree)
                || !(creation.getParentPath().getLeaf() instanceof com.sun.source.tree.NewArrayTree array)
                || array.getInitializers() == null || array.getInitializers().size() != 1
                || !(creation.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree init)
                || init.getArguments().size() != 3 || init.getArguments().get(1) != array
                || !CallTarget.of(site.unit(), creation.getParentPath().getParentPath()).is("javax.net.ssl.SSLContext", "init")) {
            return null;
        }
        return site.edits("the trust-all manager is removed from SSLContext.init: the default trust managers apply",
                List.of(Edit.replace(site.start(array), site.end(array), "null")));
    }

    /** A checkServerTrusted that accepts everything delegates to the default trust manager. */
    private static FixProposal trustManager(FixSite site, MethodTree method) {
        BlockTree body = method.getBody();
        if (body == null || method.getParameters().size() < 2) {
            return site.notFixable("the trust manager has no body to fix");
        }
        FixProposal removed = removeFromInit(site);
        if (removed != null) {
            return removed;
        }
        List<Edit> edits = new ArrayList<>();
        String certificateException = site.typeName("java.security.cert.CertificateException", edits);
        boolean declared = method.getThrows().stream().anyMatch(t -> {
            String s = t.toString();
            return s.endsWith("CertificateException") || s.endsWith("GeneralSecurityException") || s.equals("Exception");
        });
        if (!declared) {
            if (method.getThrows().isEmpty()) {
                int close = site.text().indexOf(')', site.end(method.getParameters().get(method.getParameters().size() - 1)));
                edits.add(Edit.insert(close + 1, " throws " + certificateException));
            } else {
                edits.add(Edit.insert(site.end(method.getThrows().get(method.getThrows().size() - 1)),
                        ", " + certificateException));
            }
        }
        // A delegate whose rejection is caught and dropped: rethrow it.
        List<CatchTree> swallowing = new ArrayList<>();
        for (StatementTree s : body.getStatements()) {
            if (s instanceof TryTree t && t.getFinallyBlock() == null) {
                for (CatchTree c : t.getCatches()) {
                    String type = c.getParameter().getType().toString();
                    if (type.endsWith("CertificateException")) {
                        swallowing.add(c);
                    }
                }
            }
        }
        String sep = site.lineSeparator();
        String unit = site.indentation(site.start(method)).contains("\t") ? "\t" : "    ";
        if (!swallowing.isEmpty()) {
            for (CatchTree c : swallowing) {
                BlockTree block = c.getBlock();
                String indent = block.getStatements().isEmpty() ? site.indentation(site.start(block)) + unit
                        : site.indentation(site.start(block.getStatements().get(0)));
                int close = site.end(block) - 1;
                edits.add(Edit.insert(site.lineStart(close), indent + "throw " + c.getParameter().getName() + ";" + sep));
            }
            return site.edits("the rejected certificate chain is rethrown after logging: the connection fails as it"
                    + " should", edits);
        }
        for (StatementTree s : body.getStatements()) {
            if (!(s instanceof ReturnTree) && !(s instanceof ExpressionStatementTree)) {
                return site.notFixable("the trust manager's body does more than log or return; decide by hand");
            }
        }
        String tmf = site.typeName("javax.net.ssl.TrustManagerFactory", edits);
        String keyStore = site.typeName("java.security.KeyStore", edits);
        String x509 = site.typeName("javax.net.ssl.X509TrustManager", edits);
        String noAlgorithm = site.typeName("java.security.NoSuchAlgorithmException", edits);
        String keyStoreException = site.typeName("java.security.KeyStoreException", edits);
        String indent = site.indentation(site.start(method)) + unit;
        String chain = method.getParameters().get(0).getName().toString();
        String authType = method.getParameters().get(1).getName().toString();
        String factory = site.freshName("factory");
        String e = site.freshName("e");
        String code = indent + "try {" + sep
                + indent + unit + tmf + " " + factory + " = " + tmf + ".getInstance(" + tmf + ".getDefaultAlgorithm());" + sep
                + indent + unit + factory + ".init((" + keyStore + ") null);" + sep
                + indent + unit + "((" + x509 + ") " + factory + ".getTrustManagers()[0]).checkServerTrusted(" + chain + ", "
                + authType + ");" + sep
                + indent + "} catch (" + noAlgorithm + " | " + keyStoreException + " " + e + ") {" + sep
                + indent + unit + "throw new " + certificateException + "(\"the platform trust store is unavailable\", " + e + ");" + sep
                + indent + "}" + sep;
        // Logging stays; a bare return would make the check unreachable.
        for (StatementTree s : body.getStatements()) {
            if (s instanceof ReturnTree) {
                int lineEnd = site.text().indexOf('\n', site.end(s));
                edits.add(Edit.replace(site.lineStart(site.start(s)), lineEnd + 1, ""));
            }
        }
        int close = site.end(body) - 1;
        if (!site.startsLine(close)) {
            return site.notFixable("the method body closes on a line with other code");
        }
        edits.add(Edit.insert(site.lineStart(close), code));
        return site.edits("checkServerTrusted delegates to the platform's default trust manager: servers must present"
                + " a certificate chain the default trust store accepts (a self-signed host needs its certificate in a"
                + " trust store)", edits);
    }
}
