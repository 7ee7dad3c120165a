package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import dev.vigil.java.frontend.CallTarget;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * java/weak-hash: the algorithm becomes SHA-256. Only a literal algorithm name at the call is
 * rewritten; a name held in a constant or configuration is shared with other code, which a local fix
 * must not change behind its back. Digests change length (32 bytes): stored hashes need a migration,
 * which the summary says.
 */
final class WeakHashFix implements FixRecipe {

    private static final Map<String, String> DIGEST_UTILS = Map.ofEntries(
            Map.entry("md2", "sha256"), Map.entry("md2Hex", "sha256Hex"),
            Map.entry("md5", "sha256"), Map.entry("md5Hex", "sha256Hex"),
            Map.entry("sha", "sha256"), Map.entry("shaHex", "sha256Hex"),
            Map.entry("sha1", "sha256"), Map.entry("sha1Hex", "sha256Hex"),
            Map.entry("getMd2Digest", "getSha256Digest"), Map.entry("getMd5Digest", "getSha256Digest"),
            Map.entry("getShaDigest", "getSha256Digest"), Map.entry("getSha1Digest", "getSha256Digest"));

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/weak-hash");
    }

    @Override
    public FixProposal propose(FixSite site) {
        if (!(site.sink().getLeaf() instanceof MethodInvocationTree call)) {
            return site.notFixable("the weak hash is not chosen by a method call");
        }
        CallTarget target = CallTarget.of(site.unit(), site.sink());
        if (target.is("java.security.MessageDigest", "getInstance") && !call.getArguments().isEmpty()) {
            ExpressionTree arg = call.getArguments().get(0);
            if (!(arg instanceof LiteralTree)) {
                return site.notFixable("the algorithm name comes from a constant or configuration shared with other code;"
                        + " change it to SHA-256 there");
            }
            return site.edits("MessageDigest SHA-256 (stored digests need a migration)",
                    List.of(Edit.replace(site.start(arg), site.end(arg), "\"SHA-256\"")));
        }
        if (!(call.getMethodSelect() instanceof MemberSelectTree ms)) {
            return site.notFixable("unrecognized weak-hash call");
        }
        String name = ms.getIdentifier().toString();
        int nameStart = site.end(ms) - name.length();
        if (target.is("org.apache.commons.codec.digest.DigestUtils", name) && DIGEST_UTILS.containsKey(name)) {
            return site.edits("DigestUtils." + DIGEST_UTILS.get(name) + " (stored digests need a migration)",
                    List.of(Edit.replace(nameStart, site.end(ms), DIGEST_UTILS.get(name))));
        }
        if (target.is("com.google.common.hash.Hashing", name) && (name.equals("md5") || name.equals("sha1"))) {
            return site.edits("Hashing.sha256() (stored digests need a migration)",
                    List.of(Edit.replace(nameStart, site.end(ms), "sha256")));
        }
        return site.notFixable("unrecognized weak-hash call");
    }
}
