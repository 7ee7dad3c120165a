package dev.vigil.java.checks;

import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.constants.ValueSet;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * java/weak-hash: MD2, MD4, MD5 and SHA-1 chosen through MessageDigest, Commons Codec or Guava. The
 * algorithm name is judged by its resolved value (constants, helpers, configuration); a name whose
 * value cannot be known is not reported.
 */
public final class WeakHashCheck implements JavaCheck {

    static final String RULE = "java/weak-hash";

    private static final Set<String> WEAK = Set.of("MD2", "MD4", "MD5", "SHA1", "SHA-1", "SHA");

    private static final Set<String> WEAK_HELPERS = Set.of(
            "md2", "md2Hex", "md5", "md5Hex", "sha", "shaHex", "sha1", "sha1Hex",
            "getMd2Digest", "getMd5Digest", "getShaDigest", "getSha1Digest");

    private static final String DIGEST_UTILS = "org.apache.commons.codec.digest.DigestUtils";

    /** Commons Codec's algorithm-name constants, for when its jar is not on the class path. */
    private static final Set<String> CODEC_WEAK_CONSTANTS = Set.of("MD2", "MD5", "SHA_1");

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        new CheckScanner(unit, context) {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                inspect(this, target(), call.getArguments().isEmpty() ? null : argumentPath(0));
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                CallTarget t = target();
                if (t.is(DIGEST_UTILS, "<init>") && t.arity() == 1
                        && typeOf(argumentPath(0)).equals("java.lang.String")) {
                    weakName(this, argumentPath(0)).ifPresent(alg ->
                            report(RULE, getCurrentPath(), message(alg)));
                }
                return super.visitNewClass(creation, unused);
            }
        }.run();
    }

    private static void inspect(CheckScanner s, CallTarget target, TreePath firstArgument) {
        if ((target.is("java.security.MessageDigest", "getInstance") || target.is(DIGEST_UTILS, "getDigest"))
                && firstArgument != null) {
            weakName(s, firstArgument).ifPresent(alg -> s.report(RULE, s.getCurrentPath(), message(alg)));
        } else if (target.is(DIGEST_UTILS, target.name()) && WEAK_HELPERS.contains(target.name())) {
            s.report(RULE, s.getCurrentPath(), "Weak hash DigestUtils." + target.name()
                    + ": use DigestUtils.sha256Hex or stronger");
        } else if (target.is("com.google.common.hash.Hashing", "md5")
                || target.is("com.google.common.hash.Hashing", "sha1")) {
            s.report(RULE, s.getCurrentPath(), "Weak hash Hashing." + target.name() + "(): use Hashing.sha256()");
        }
    }

    private static Optional<String> weakName(CheckScanner s, TreePath argument) {
        ValueSet names = s.constants.resolve(argument);
        for (String name : names.strings()) {
            if (WEAK.contains(name.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(name);
            }
        }
        if (names.isUnknown() && argument.getLeaf() instanceof MemberSelectTree ms
                && ms.getExpression().toString().endsWith("MessageDigestAlgorithms")
                && CODEC_WEAK_CONSTANTS.contains(ms.getIdentifier().toString())) {
            return Optional.of(ms.getIdentifier().toString().replace('_', '-'));
        }
        return Optional.empty();
    }

    private static String message(String algorithm) {
        return "Weak hash algorithm " + algorithm
                + ": use SHA-256 or stronger (and a password hash such as bcrypt/Argon2 for passwords)";
    }
}
