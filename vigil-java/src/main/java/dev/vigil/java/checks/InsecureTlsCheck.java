package dev.vigil.java.checks;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * java/insecure-tls: certificate or host name checks switched off. A trust manager whose
 * {@code checkServerTrusted} can complete without anything able to reject the chain (empty, only
 * returns or logs, or a delegate whose CertificateException is swallowed); a {@code HostnameVerifier}
 * (class or lambda) that returns {@code true} unconditionally; Apache HttpClient's
 * {@code NoopHostnameVerifier}, {@code ALLOW_ALL_HOSTNAME_VERIFIER} and {@code TrustAllStrategy}, and
 * trust-strategy lambdas returning {@code true}.
 */
public final class InsecureTlsCheck implements JavaCheck {

    static final String RULE = "java/insecure-tls";

    /** Methods receiving a HostnameVerifier or a TrustStrategy as a lambda. */
    private static final Set<String> VERIFIER_SETTERS = Set.of("setHostnameVerifier", "setDefaultHostnameVerifier",
            "hostnameVerifier", "setSSLHostnameVerifier", "loadTrustMaterial");

    /** Exceptions a catch must handle to swallow a certificate rejection. */
    private static final Set<String> CERTIFICATE_FAILURES = Set.of("CertificateException", "GeneralSecurityException",
            "Exception", "Throwable", "CertificateExpiredException", "CertificateNotYetValidException");

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        new CheckScanner(unit, context) {
            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                String name = method.getName().toString();
                List<? extends VariableTree> params = method.getParameters();
                if (method.getBody() != null && name.equals("checkServerTrusted") && params.size() >= 2
                        && params.get(0).getType().toString().endsWith("X509Certificate[]")
                        && !mayReject(method.getBody())) {
                    report(RULE, getCurrentPath(), "Trust manager accepts any server certificate: TLS no longer"
                            + " authenticates the server; use the default TrustManagerFactory (or pin on top of it)");
                } else if (method.getBody() != null && name.equals("verify") && params.size() == 2
                        && params.get(1).getType().toString().endsWith("SSLSession")
                        && alwaysTrue(method.getBody())) {
                    report(RULE, getCurrentPath(), "HostnameVerifier accepts every host name: any certificate"
                            + " for any site is accepted; use the default verifier");
                }
                return super.visitMethod(method, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms
                        && VERIFIER_SETTERS.contains(ms.getIdentifier().toString())) {
                    for (ExpressionTree arg : call.getArguments()) {
                        if (arg instanceof LambdaExpressionTree lambda && lambda.getParameters().size() == 2
                                && alwaysTrue(lambda.getBody())) {
                            report(RULE, pathOf(arg), "Verification callback returns true for everything: any"
                                    + " certificate or host name is accepted");
                        }
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree select, Void unused) {
                String owner = select.getExpression().toString();
                String member = select.getIdentifier().toString();
                if (member.equals("INSTANCE") && (owner.endsWith("NoopHostnameVerifier")
                        || owner.endsWith("TrustAllStrategy"))
                        || member.equals("ALLOW_ALL_HOSTNAME_VERIFIER")) {
                    report(RULE, getCurrentPath(), owner + "." + member + " disables certificate or host name"
                            + " verification");
                }
                return super.visitMemberSelect(select, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                String type = creation.getIdentifier().toString();
                if (creation.getClassBody() == null && (type.endsWith("NoopHostnameVerifier")
                        || type.endsWith("AllowAllHostnameVerifier") || type.endsWith("TrustAllStrategy"))) {
                    report(RULE, getCurrentPath(), type + " disables certificate or host name verification");
                }
                return super.visitNewClass(creation, unused);
            }
        }.run();
    }

    /** A body or expression that can only produce {@code true}. */
    private static boolean alwaysTrue(Tree body) {
        if (body instanceof LiteralTree l) {
            return Boolean.TRUE.equals(l.getValue());
        }
        if (body instanceof BlockTree block) {
            List<? extends StatementTree> st = block.getStatements();
            return st.size() == 1 && st.get(0) instanceof ReturnTree r && r.getExpression() != null
                    && alwaysTrue(CheckScanner.strip(r.getExpression()));
        }
        if (body instanceof com.sun.source.tree.ParenthesizedTree p) {
            return alwaysTrue(p.getExpression());
        }
        return false;
    }

    /**
     * Whether the statements can reject a chain: a throw, or a call that is not logging (a delegate or
     * a validation helper), unless it sits in a try whose catch swallows certificate failures.
     */
    static boolean mayReject(Tree tree) {
        if (tree == null) {
            return false;
        }
        if (tree instanceof TryTree t) {
            if (mayReject(t.getFinallyBlock())) {
                return true;
            }
            for (CatchTree c : t.getCatches()) {
                if (mayReject(c.getBlock())) {
                    return true;
                }
            }
            boolean swallowed = t.getCatches().stream().anyMatch(InsecureTlsCheck::catchesCertificateFailure);
            return !swallowed && mayReject(t.getBlock());
        }
        boolean[] rejects = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitThrow(ThrowTree t, Void unused) {
                rejects[0] = true;
                return null;
            }

            @Override
            public Void visitTry(TryTree t, Void unused) {
                rejects[0] |= mayReject(t);
                return null;
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (logging(call)) {
                    return null; // building the log message (e.getMessage()) cannot reject either
                }
                rejects[0] = true;
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
                return null; // deferred code (a log message supplier) does not run here
            }
        }.scan(tree, null);
        return rejects[0];
    }

    private static boolean catchesCertificateFailure(CatchTree c) {
        Tree type = c.getParameter().getType();
        List<? extends Tree> alternatives = type instanceof UnionTypeTree u ? u.getTypeAlternatives() : List.of(type);
        for (Tree alt : alternatives) {
            String name = alt.toString();
            if (CERTIFICATE_FAILURES.contains(name.substring(name.lastIndexOf('.') + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean logging(MethodInvocationTree call) {
        if (!(call.getMethodSelect() instanceof MemberSelectTree ms)) {
            return false;
        }
        String receiver = ms.getExpression().toString().toLowerCase(Locale.ROOT);
        String name = ms.getIdentifier().toString();
        return receiver.contains("log") || receiver.equals("system.out") || receiver.equals("system.err")
                || Set.of("fine", "finer", "finest", "info", "warning", "warn", "debug", "trace", "severe")
                .contains(name);
    }
}
