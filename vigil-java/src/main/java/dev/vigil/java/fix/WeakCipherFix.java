package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * java/weak-cipher: AES in ECB mode (explicit, or the provider default of a bare "AES") becomes
 * AES/GCM/NoPadding with a random 12-byte IV, only in the one shape where the whole encryption is visible:
 * <pre>
 * Cipher c = Cipher.getInstance("AES");   // or "AES/ECB/..."
 * c.init(Cipher.ENCRYPT_MODE, key);
 * return c.doFinal(data);                 // in a method returning byte[]
 * </pre>
 * The IV is written before the ciphertext (it is needed to decrypt), so the output format changes: data
 * sealed before needs a migration and the decrypting code must read the IV first; the summary says so.
 * Other algorithms (DES, RC4, Blowfish…) need a new key, and decryption needs the stored IV: both refused.
 */
final class WeakCipherFix implements FixRecipe {

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/weak-cipher");
    }

    @Override
    public FixProposal propose(FixSite site) {
        if (!(site.sink().getLeaf() instanceof MethodInvocationTree getInstance)
                || !(getInstance.getMethodSelect() instanceof MemberSelectTree gs)
                || !gs.getIdentifier().contentEquals("getInstance")) {
            return site.notFixable("a static or zero IV: it must be random per message and stored with the ciphertext,"
                    + " which changes the data format; fix by hand");
        }
        if (getInstance.getArguments().size() != 1
                || !(getInstance.getArguments().get(0) instanceof LiteralTree lit) || !(lit.getValue() instanceof String name)) {
            return site.notFixable("the transformation comes from a constant, a setting or a method that other code"
                    + " (the decrypting side) shares; only a literal in Cipher.getInstance is rewritten");
        }
        String[] parts = name.toLowerCase(Locale.ROOT).split("/");
        if (parts[0].equals("rsa")) {
            return site.notFixable("RSA without padding: use OAEP (\"RSA/ECB/OAEPWithSHA-256AndMGF1Padding\") on both"
                    + " the encrypting and the decrypting side together");
        }
        if (!parts[0].equals("aes") || parts.length > 1 && !parts[1].equals("ecb")) {
            return site.notFixable("\"" + name + "\" is not AES/ECB: another algorithm needs a new key and a migration"
                    + " of the encrypted data");
        }
        TreePath decl = site.sink().getParentPath();
        if (!(decl.getLeaf() instanceof VariableTree var) || var.getInitializer() != getInstance
                || !(decl.getParentPath().getLeaf() instanceof BlockTree block)) {
            return site.notFixable("the cipher is not held in a local where its use is visible");
        }
        List<? extends StatementTree> stmts = block.getStatements();
        int i = stmts.indexOf(var);
        String c = var.getName().toString();
        if (i + 2 >= stmts.size() || !(stmts.get(i + 1) instanceof ExpressionStatementTree initStmt)
                || !(initStmt.getExpression() instanceof MethodInvocationTree init) || !isCall(init, c, "init", 2)
                || !site.source(init.getArguments().get(0)).endsWith("ENCRYPT_MODE")
                || !(stmts.get(i + 2) instanceof ReturnTree ret) || !(ret.getExpression() instanceof MethodInvocationTree fin)
                || !isCall(fin, c, "doFinal", 1)) {
            return site.notFixable("only `init(Cipher.ENCRYPT_MODE, key)` followed by `return cipher.doFinal(data)`"
                    + " is rewritten: elsewhere the IV cannot be stored with the ciphertext mechanically");
        }
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null || !"byte[]".equals(String.valueOf(((MethodTree) method.getLeaf()).getReturnType()))) {
            return site.notFixable("the method does not return the ciphertext as byte[]");
        }
        List<Edit> edits = new ArrayList<>();
        String random = site.typeName("java.security.SecureRandom", edits);
        String gcm = site.typeName("javax.crypto.spec.GCMParameterSpec", edits);
        String buffer = site.typeName("java.nio.ByteBuffer", edits);
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(initStmt));
        String iv = site.freshName("iv");
        String sealed = site.freshName("sealed");
        edits.add(Edit.replace(site.start(lit), site.end(lit), "\"AES/GCM/NoPadding\""));
        edits.add(Edit.insert(site.start(initStmt), "byte[] " + iv + " = new byte[12];" + sep
                + indent + "new " + random + "().nextBytes(" + iv + ");" + sep + indent));
        edits.add(Edit.insert(site.end(init.getArguments().get(1)), ", new " + gcm + "(128, " + iv + ")"));
        edits.add(Edit.replace(site.start(ret), site.end(ret), "byte[] " + sealed + " = " + site.source(fin) + ";" + sep
                + indent + "return " + buffer + ".allocate(" + iv + ".length + " + sealed + ".length).put(" + iv
                + ").put(" + sealed + ").array();"));
        return site.edits("AES/GCM with a random 12-byte IV written before the ciphertext; data encrypted before and"
                + " the decrypting code need a migration (read the first 12 bytes as the GCMParameterSpec IV)", edits);
    }

    private static boolean isCall(MethodInvocationTree call, String receiver, String name, int arity) {
        return call.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals(name)
                && ms.getExpression() instanceof IdentifierTree id && id.getName().contentEquals(receiver)
                && call.getArguments().size() == arity;
    }
}
