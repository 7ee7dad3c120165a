package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * java/weak-hash: the algorithm becomes SHA-256 where its name is written: the literal at the call, a
 * private constant or helper used only for digests, a local read only here, the default of a
 * {@code getProperty}; a name shared with other code is replaced at the call only (see
 * {@link Constants#rewriteName}). A name configured in a properties file is refused: the setting must
 * change. Digests change length (32 bytes): stored hashes need a migration, which the summary says.
 */
final class WeakHashFix implements FixRecipe {

    private static final Map<String, String> DIGEST_UTILS = Map.ofEntries(
            Map.entry("md2", "sha256"), Map.entry("md2Hex", "sha256Hex"),
            Map.entry("md5", "sha256"), Map.entry("md5Hex", "sha256Hex"),
            Map.entry("sha", "sha256"), Map.entry("shaHex", "sha256Hex"),
            Map.entry("sha1", "sha256"), Map.entry("sha1Hex", "sha256Hex"),
            Map.entry("getMd2Digest", "getSha256Digest"), Map.entry("getMd5Digest", "getSha256Digest"),
            Map.entry("getShaDigest", "getSha256Digest"), Map.entry("getSha1Digest", "getSha256Digest"));

    /** Digest names the check reports (MD2, MD4, MD5, SHA-0, SHA-1 and their spellings). */
    private static boolean weak(String name) {
        return WEAK.contains(name.strip().toUpperCase(Locale.ROOT));
    }

    private static final Set<String> WEAK = Set.of("MD2", "MD4", "MD5", "SHA", "SHA0", "SHA-0", "SHA1", "SHA-1");

    /** A use of a name as the algorithm of a digest lookup, so changing the name changes only digests. */
    private static boolean isDigestArgument(FixSite site, TreePath ref) {
        TreePath parent = ref.getParentPath();
        if (!(parent.getLeaf() instanceof MethodInvocationTree call) || call.getArguments().isEmpty()
                || call.getArguments().get(0) != ref.getLeaf()) {
            return false;
        }
        CallTarget t = CallTarget.of(site.unit(), parent);
        return t.is("java.security.MessageDigest", "getInstance")
                || t.is("org.apache.commons.codec.digest.DigestUtils", "getDigest");
    }

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
        if ((target.is("java.security.MessageDigest", "getInstance")
                || target.is("org.apache.commons.codec.digest.DigestUtils", "getDigest")) && !call.getArguments().isEmpty()) {
            ExpressionTree arg = call.getArguments().get(0);
            Constants.Rewrite r = Constants.rewriteName(site, new TreePath(site.sink(), arg), WeakHashFix::weak, "SHA-256",
                    ref -> isDigestArgument(site, ref));
            if (r.refused()) {
                return site.notFixable(r.reason());
            }
            if (r.file() != null) {
                return site.editsIn(r.file(), "SHA-256 in the setting " + r.file() + " that names the algorithm"
                        + " (stored digests need a migration; other readers of the setting change too)", r.edits());
            }
            boolean atCall = r.edits().size() == 1 && r.edits().get(0).offset() == site.start(arg);
            return site.edits(atCall ? "MessageDigest SHA-256 (stored digests need a migration)"
                    : "SHA-256 where the algorithm name is defined (stored digests need a migration)", r.edits());
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
