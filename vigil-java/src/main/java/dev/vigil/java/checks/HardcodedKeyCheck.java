package dev.vigil.java.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.Set;

/**
 * java/hardcoded-key: cryptographic key material fixed in the source. {@code new SecretKeySpec} over a
 * literal's bytes, a constant array or an all-zero array; JWT signing keys given as literals (jjwt
 * {@code signWith}, {@code setSigningKey}, {@code Keys.hmacShaKeyFor}; java-jwt
 * {@code Algorithm.HMAC256/384/512}). Keys from the environment, configuration, a key store or a key
 * generator, placeholders, empty values and test code are not reported.
 */
public final class HardcodedKeyCheck implements JavaCheck {

    static final String RULE = "java/hardcoded-key";

    private static final Set<String> JWT_KEY_METHODS = Set.of("signWith", "setSigningKey", "hmacShaKeyFor",
            "HMAC256", "HMAC384", "HMAC512");

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        if (Secrets.isTestCode(unit)) {
            return;
        }
        new CheckScanner(unit, context) {
            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                CallTarget t = target();
                if (t.is("javax.crypto.spec.SecretKeySpec", "<init>") && t.arity() >= 2 && fixed(this, argumentPath(0))) {
                    context.report(RULE, unit, getCurrentPath(), "Secret key fixed in the source: anyone with the code"
                            + " (or the binary) can decrypt or forge; load it from a key store or a secret manager",
                            Secrets.redactedLocation(unit, getCurrentPath()));
                }
                return super.visitNewClass(creation, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms
                        && JWT_KEY_METHODS.contains(ms.getIdentifier().toString())) {
                    for (ExpressionTree arg : call.getArguments()) {
                        ExpressionTree a = strip(arg);
                        boolean nestedKeyCall = a instanceof MethodInvocationTree inner
                                && inner.getMethodSelect() instanceof MemberSelectTree ims
                                && JWT_KEY_METHODS.contains(ims.getIdentifier().toString());
                        // Keys.hmacShaKeyFor(literal) inside signWith(...) is reported once, on the inner call.
                        if (!nestedKeyCall && fixed(this, pathOf(arg))) {
                            context.report(RULE, unit, getCurrentPath(), "JWT signing key written in the source: anyone"
                                    + " with the code can mint valid tokens; load it from a secret store",
                                    Secrets.redactedLocation(unit, getCurrentPath()));
                            break;
                        }
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.run();
    }

    /** Key material fixed in the source: a non-placeholder literal (or its bytes), a constant or zero array. */
    private static boolean fixed(CheckScanner s, TreePath key) {
        String type = s.typeOf(key);
        if (type.equals("java.lang.String") || type.equals("byte[]") || type.equals("char[]")) {
            if (Secrets.literal(s, key).isPresent()) {
                return true;
            }
        }
        if (type.equals("byte[]") || type.equals("char[]")) {
            if (!s.constants.resolveInSource(Secrets.unwrap(key)).strings().isEmpty()) {
                return false; // the bytes of a string: judged as a literal above
            }
            return s.constants.isConstantArray(key) || WeakCipherCheck.neverFilled(s, key);
        }
        return false;
    }
}
