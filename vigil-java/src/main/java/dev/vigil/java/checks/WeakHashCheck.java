package dev.vigil.java.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** java/weak-hash: MD2, MD4, MD5 and SHA-1 chosen through MessageDigest, Commons Codec or Guava. */
public final class WeakHashCheck implements JavaCheck {

    static final String RULE = "java/weak-hash";

    private static final Set<String> WEAK = Set.of("MD2", "MD4", "MD5", "SHA1", "SHA-1", "SHA");

    private static final Set<String> WEAK_HELPERS = Set.of(
            "md2", "md2Hex", "md5", "md5Hex", "sha", "shaHex", "sha1", "sha1Hex",
            "getMd2Digest", "getMd5Digest", "getShaDigest", "getSha1Digest");

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                inspect(unit, call, context);
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(unit.tree(), null);
    }

    private void inspect(ParsedUnit unit, MethodInvocationTree call, CheckContext context) {
        CallTarget target = CallTarget.of(unit, call);
        if (target.is("java.security.MessageDigest", "getInstance") && target.arity() >= 1) {
            ExpressionTree arg = call.getArguments().get(0);
            Optional<String> algorithm = Constants.string(unit, arg);
            if (algorithm.isPresent() && WEAK.contains(algorithm.get().toUpperCase(Locale.ROOT))) {
                context.report(RULE, unit, call, "Weak hash algorithm " + algorithm.get()
                        + ": use SHA-256 or stronger (and a password hash such as bcrypt/Argon2 for passwords)",
                        List.of());
            }
        } else if ((target.is("org.apache.commons.codec.digest.DigestUtils", target.name())
                && WEAK_HELPERS.contains(target.name()))) {
            context.report(RULE, unit, call, "Weak hash DigestUtils." + target.name()
                    + ": use DigestUtils.sha256Hex or stronger", List.of());
        } else if (target.is("com.google.common.hash.Hashing", "md5")
                || target.is("com.google.common.hash.Hashing", "sha1")) {
            context.report(RULE, unit, call, "Weak hash Hashing." + target.name() + "(): use Hashing.sha256()",
                    List.of());
        }
    }
}
