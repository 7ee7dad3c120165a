package dev.vigil.java.checks;

import com.sun.source.tree.MethodInvocationTree;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.Locale;
import java.util.Set;

/**
 * java/weak-tls-protocol: {@code SSLContext.getInstance} with SSL, SSLv2, SSLv3, TLSv1 or TLSv1.1,
 * the protocol name resolved through constants and configuration. "TLS", "TLSv1.2", "TLSv1.3" and
 * "Default" are fine; an unresolved name is not reported.
 */
public final class WeakTlsProtocolCheck implements JavaCheck {

    static final String RULE = "java/weak-tls-protocol";

    private static final Set<String> WEAK = Set.of("SSL", "SSLV2", "SSLV3", "TLSV1", "TLSV1.1", "SSLV2HELLO");

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        new CheckScanner(unit, context) {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                CallTarget t = target();
                if (t.is("javax.net.ssl.SSLContext", "getInstance") && t.arity() >= 1) {
                    for (String protocol : argument(0).strings()) {
                        if (WEAK.contains(protocol.strip().toUpperCase(Locale.ROOT))) {
                            report(RULE, getCurrentPath(), "Obsolete protocol " + protocol
                                    + ": SSL and TLS 1.0/1.1 are broken or deprecated; use \"TLSv1.3\" or \"TLS\"");
                            break;
                        }
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.run();
    }
}
