package dev.vigil.java.fix;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * java/weak-cipher. Each fix changes the data format, so its description says what must migrate.
 * <ul>
 * <li>A broken algorithm (DES, 3DES, RC2, RC4, Blowfish) or ECB mode becomes AES/GCM/NoPadding where
 * the transformation is written (see {@link Constants#rewriteName}). When the cipher is a local whose
 * whole use is visible ({@code init(ENCRYPT_MODE, key)} then {@code return cipher.doFinal(data)}), a
 * random 12-byte IV is generated and written before the ciphertext; {@code init(DECRYPT_MODE, key)}
 * then {@code return cipher.doFinal(data)} reads it back from the first 12 bytes. A key from a
 * KeyGenerator in the same file becomes a 256-bit AES key; a key built from fixed bytes is refused
 * (AES needs a new key). A cipher returned uninitialised only changes its name: its callers must
 * initialise it with an AES key and a GCMParameterSpec, which the description says.</li>
 * <li>Unpadded RSA becomes OAEP with SHA-256 in every {@code Cipher.getInstance} of the file at once,
 * so the encrypting and the decrypting side there stay compatible.</li>
 * <li>A KeyGenerator for a broken algorithm generates 256-bit AES keys.</li>
 * <li>A static or zero IV becomes a random one, written before the ciphertext; a decryption with a
 * static IV reads it back from the data.</li>
 * </ul>
 */
final class WeakCipherFix implements FixRecipe {

    private static final String GCM = "AES/GCM/NoPadding";
    private static final String OAEP = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    private static final Set<String> BROKEN = Set.of(
            "DES", "DESEDE", "TRIPLEDES", "3DES", "DESEDEWRAP", "RC2", "RC4", "ARCFOUR", "BLOWFISH", "RC5");

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/weak-cipher");
    }

    @Override
    public FixProposal propose(FixSite site) {
        Tree leaf = site.sink().getLeaf();
        if (leaf instanceof MethodInvocationTree call && !call.getArguments().isEmpty()) {
            CallTarget t = CallTarget.of(site.unit(), site.sink());
            if (t.is("javax.crypto.Cipher", "getInstance")) {
                return cipher(site, call);
            }
            if (t.is("javax.crypto.KeyGenerator", "getInstance")) {
                List<Edit> edits = new ArrayList<>();
                String refusal = keyGenerator(site, site.sink(), edits);
                return refusal != null ? site.notFixable(refusal) : site.edits("KeyGenerator for 256-bit AES keys;"
                        + " ciphers using these keys must be AES (AES/GCM/NoPadding) and data encrypted with the"
                        + " old keys needs a migration", edits);
            }
            if (t.is("javax.crypto.SecretKeyFactory", "getInstance")) {
                return site.notFixable("a password-based key for a broken cipher: derive an AES key with"
                        + " PBKDF2WithHmacSHA256 instead; the key derivation and the stored data change together");
            }
        }
        if (leaf instanceof NewClassTree creation) {
            String type = CallTarget.ofNew(site.unit(), site.sink()).declaringType();
            if (type.equals("javax.crypto.spec.SecretKeySpec")) {
                return site.notFixable("the key is built from fixed bytes for a broken algorithm: AES needs a new"
                        + " key of 16 or 32 bytes, which must be provisioned (and the data re-encrypted)");
            }
            if (type.equals("javax.crypto.spec.IvParameterSpec") || type.equals("javax.crypto.spec.GCMParameterSpec")) {
                return staticIv(site, creation, type.endsWith("GCMParameterSpec"));
            }
        }
        return site.notFixable("unrecognized weak-cipher call");
    }

    // --- Cipher.getInstance -------------------------------------------------------------------------

    private static FixProposal cipher(FixSite site, MethodInvocationTree getInstance) {
        TreePath arg = new TreePath(site.sink(), getInstance.getArguments().get(0));
        Optional<String> folded = Constants.string(site.unit(), getInstance.getArguments().get(0));
        if (folded.isPresent() && rsaWithoutPadding(folded.get())) {
            return rsa(site);
        }
        Constants.Rewrite name = Constants.rewriteName(site, arg, WeakCipherFix::weakSymmetric, GCM,
                ref -> isArgumentOf(site, ref, "javax.crypto.Cipher", "getInstance"));
        if (name.refused()) {
            return site.notFixable(name.reason());
        }
        if (name.file() != null) {
            // Only a cipher handed out uninitialised can change its name alone: its callers choose key and IV.
            if (!escapes(site.sink())) {
                return site.notFixable("the transformation is a setting, and this method's IV handling must change"
                        + " with it; change the setting and the method together by hand");
            }
            return site.editsIn(name.file(), "AES/GCM/NoPadding in the setting " + name.file() + "; the callers"
                    + " that initialise this cipher must pass an AES key and a fresh 12-byte GCMParameterSpec IV,"
                    + " and data encrypted before needs a migration (other readers of the setting change too)",
                    name.edits());
        }
        boolean aes = folded.map(f -> f.toUpperCase(Locale.ROOT).startsWith("AES")).orElse(false);
        List<Edit> edits = new ArrayList<>(name.edits());
        TreePath decl = site.sink().getParentPath();
        if (!(decl.getLeaf() instanceof VariableTree var) || var.getInitializer() != getInstance
                || !(decl.getParentPath().getLeaf() instanceof BlockTree block)) {
            if (!escapes(site.sink())) {
                return site.notFixable("the cipher is not held in a local where its initialisation is visible");
            }
            return site.edits("AES/GCM/NoPadding; the callers that initialise this cipher must pass "
                    + (aes ? "" : "a 256-bit AES key and ") + "a GCMParameterSpec(128, iv) with a fresh random 12-byte"
                    + " IV stored with the ciphertext; data encrypted before needs a migration", edits);
        }
        String c = var.getName().toString();
        List<? extends StatementTree> stmts = block.getStatements();
        int i = stmts.indexOf(var);
        ExpressionStatementTree initStmt = null;
        MethodInvocationTree init = null;
        for (int j = i + 1; j < stmts.size() && init == null; j++) {
            if (stmts.get(j) instanceof ExpressionStatementTree es && es.getExpression() instanceof MethodInvocationTree m
                    && isCall(m, c, "init")) {
                initStmt = es;
                init = m;
            }
        }
        ReturnTree ret = stmts.get(stmts.size() - 1) instanceof ReturnTree r ? r : null;
        if (init == null || init.getArguments().size() != 2 || ret == null
                || !(ret.getExpression() instanceof MethodInvocationTree fin) || !isCall(fin, c, "doFinal")
                || fin.getArguments().size() != 1 || uses(site, block, c) != 2) {
            return site.notFixable("only `" + c + ".init(mode, key)` followed by `return " + c + ".doFinal(data)` is"
                    + " rewritten: elsewhere the IV cannot be stored with (or read from) the data mechanically");
        }
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (method == null || !"byte[]".equals(String.valueOf(((MethodTree) method.getLeaf()).getReturnType()))) {
            return site.notFixable("the method does not return the ciphertext as byte[]");
        }
        String mode = site.source(init.getArguments().get(0));
        String keyNote = aes ? "" : key(site, init.getArguments().get(1), edits);
        if (keyNote == null) {
            return site.notFixable("the key is built from fixed bytes for " + folded.orElse("the old algorithm")
                    + ": AES needs a new key of 16 or 32 bytes, which must be provisioned (and the data re-encrypted)");
        }
        String gcm = site.typeName("javax.crypto.spec.GCMParameterSpec", edits);
        String sep = site.lineSeparator();
        String indent = site.indentation(site.start(initStmt));
        if (mode.endsWith("DECRYPT_MODE") && fin.getArguments().get(0) instanceof IdentifierTree data) {
            String d = data.getName().toString();
            edits.add(Edit.insert(site.end(init.getArguments().get(1)), ", new " + gcm + "(128, " + d + ", 0, 12)"));
            edits.add(Edit.replace(site.start(fin.getArguments().get(0)), site.end(fin.getArguments().get(0)),
                    d + ", 12, " + d + ".length - 12"));
            return site.edits("AES/GCM reading its 12-byte IV from the start of the data" + keyNote
                    + "; data encrypted before needs a migration", edits);
        }
        if (!mode.endsWith("ENCRYPT_MODE")) {
            return site.notFixable("the cipher is initialised in " + mode + ", not to encrypt or decrypt data");
        }
        String iv = site.freshName("iv");
        String sealed = site.freshName("sealed");
        String random = randomSource(site, edits);
        String buffer = site.typeName("java.nio.ByteBuffer", edits);
        edits.add(Edit.insert(site.start(initStmt), "byte[] " + iv + " = new byte[12];" + sep
                + indent + random + ".nextBytes(" + iv + ");" + sep + indent));
        edits.add(Edit.insert(site.end(init.getArguments().get(1)), ", new " + gcm + "(128, " + iv + ")"));
        edits.add(Edit.replace(site.start(ret), site.end(ret), "byte[] " + sealed + " = " + site.source(fin) + ";" + sep
                + indent + "return " + buffer + ".allocate(" + iv + ".length + " + sealed + ".length).put(" + iv
                + ").put(" + sealed + ").array();"));
        return site.edits("AES/GCM with a random 12-byte IV written before the ciphertext" + keyNote + "; data"
                + " encrypted before and the decrypting code need a migration (read the first 12 bytes as the"
                + " GCMParameterSpec IV)", edits);
    }

    /** Unpadded RSA: every such transformation in the file becomes OAEP, so both sides change together. */
    private static FixProposal rsa(FixSite site) {
        List<Edit> edits = new ArrayList<>();
        String[] refusal = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                if (!node.getArguments().isEmpty()
                        && CallTarget.of(site.unit(), getCurrentPath()).is("javax.crypto.Cipher", "getInstance")
                        && Constants.string(site.unit(), node.getArguments().get(0)).filter(WeakCipherFix::rsaWithoutPadding)
                                .isPresent()) {
                    Constants.Rewrite r = Constants.rewriteName(site, new TreePath(getCurrentPath(), node.getArguments().get(0)),
                            WeakCipherFix::rsaWithoutPadding, OAEP,
                            ref -> isArgumentOf(site, ref, "javax.crypto.Cipher", "getInstance"));
                    if (r.refused()) {
                        refusal[0] = r.reason();
                    } else {
                        r.edits().stream().filter(e -> !edits.contains(e)).forEach(edits::add);
                    }
                }
                return super.visitMethodInvocation(node, unused);
            }
        }.scan(new TreePath(site.unit().tree()), null);
        if (refusal[0] != null) {
            return site.notFixable("unpadded RSA elsewhere in the file cannot be changed with this one: " + refusal[0]);
        }
        return site.edits("RSA with OAEP (SHA-256) padding, for every unpadded RSA cipher of this file; the other side"
                + " (decrypting or unwrapping outside this file) must use the same padding, and data encrypted"
                + " before needs a migration", edits);
    }

    /**
     * Makes the key used with the new AES cipher an AES key: a key from a KeyGenerator in this file is
     * generated for AES-256. Returns a note for the description, or null when the key is built from
     * fixed bytes.
     */
    private static String key(FixSite site, ExpressionTree key, List<Edit> edits) {
        Tree init = definition(site, key);
        if (init instanceof NewClassTree n && CallTarget.ofNew(site.unit(), site.path(n)).declaringType()
                .equals("javax.crypto.spec.SecretKeySpec")) {
            return null;
        }
        if (init instanceof MethodInvocationTree gen && gen.getMethodSelect() instanceof MemberSelectTree ms
                && ms.getIdentifier().contentEquals("generateKey") && site.path(gen) != null) {
            Tree generator = ms.getExpression() instanceof MethodInvocationTree direct ? direct
                    : definition(site, ms.getExpression());
            if (generator instanceof MethodInvocationTree g && site.path(g) != null
                    && CallTarget.of(site.unit(), site.path(g)).is("javax.crypto.KeyGenerator", "getInstance")
                    && keyGenerator(site, site.path(g), edits) == null) {
                return ", with a 256-bit AES key from the KeyGenerator";
            }
        }
        return "; the key " + site.source(key) + " must now be a 256-bit AES key";
    }

    /** The initializer of the local or field an expression names, or the expression itself. */
    private static Tree definition(FixSite site, ExpressionTree e) {
        if (!(e instanceof IdentifierTree || e instanceof MemberSelectTree)) {
            return e;
        }
        Element el = site.element(e);
        if (el == null) {
            return null;
        }
        Tree decl = site.unit().trees().getTree(el);
        if (decl == null && el.getKind() == ElementKind.LOCAL_VARIABLE) {
            decl = site.enclosingMethod(site.sink()).map(m -> Locals.declaration(site, m.getLeaf(), el)).orElse(null);
        }
        return decl instanceof VariableTree v ? v.getInitializer() : null;
    }

    /** Edits a KeyGenerator.getInstance(weak) into an AES generator of 256-bit keys; a refusal reason, or null. */
    private static String keyGenerator(FixSite site, TreePath getInstance, List<Edit> edits) {
        MethodInvocationTree call = (MethodInvocationTree) getInstance.getLeaf();
        Constants.Rewrite name = Constants.rewriteName(site, new TreePath(getInstance, call.getArguments().get(0)),
                a -> BROKEN.contains(a.strip().toUpperCase(Locale.ROOT).split("/")[0]), "AES",
                ref -> isArgumentOf(site, ref, "javax.crypto.KeyGenerator", "getInstance"));
        if (name.refused()) {
            return name.reason();
        }
        TreePath parent = getInstance.getParentPath();
        VariableTree var = parent.getLeaf() instanceof VariableTree v && v.getInitializer() == call ? v : null;
        Tree scope = site.enclosingMethod(getInstance).map(TreePath::getLeaf).orElse(null);
        if (var == null || scope == null || !(parent.getParentPath().getLeaf() instanceof BlockTree)) {
            return "the KeyGenerator is not held in a local whose initialisation is visible (it needs init(256))";
        }
        String g = var.getName().toString();
        MethodInvocationTree[] inits = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                if (isCall(node, g, "init")) {
                    inits[0] = node;
                }
                return super.visitMethodInvocation(node, unused);
            }
        }.scan(site.path(scope), null);
        edits.addAll(name.edits());
        if (inits[0] == null) {
            String sep = site.lineSeparator();
            int end = site.end(var);
            edits.add(Edit.insert(end, sep + site.indentation(site.start(var)) + g + ".init(256);"));
        } else if (inits[0].getArguments().size() == 1) {
            ExpressionTree size = inits[0].getArguments().get(0);
            edits.add(Edit.replace(site.start(size), site.end(size), "256"));
        } else {
            return "the KeyGenerator is initialised with parameters other than a key size";
        }
        return null;
    }

    // --- static IVs ----------------------------------------------------------------------------------

    private static FixProposal staticIv(FixSite site, NewClassTree spec, boolean gcmSpec) {
        ExpressionTree ivArg = spec.getArguments().get(gcmSpec ? 1 : 0);
        if (spec.getArguments().size() != (gcmSpec ? 2 : 1)) {
            return site.notFixable("the IV is a slice of a fixed array; fix by hand");
        }
        // The spec is passed to init inline, or through a local read only by init.
        TreePath specUse = site.sink();
        TreePath parent = specUse.getParentPath();
        if (parent.getLeaf() instanceof VariableTree v && v.getInitializer() == spec) {
            Element el = site.element(v);
            TreePath method = site.enclosingMethod(specUse).orElse(null);
            List<TreePath> refs = el == null || method == null ? List.of() : site.references(v, method.getLeaf());
            if (refs.size() != 1) {
                return site.notFixable("the parameter spec " + v.getName() + " is used more than once");
            }
            specUse = refs.get(0);
            parent = specUse.getParentPath();
        }
        if (!(parent.getLeaf() instanceof MethodInvocationTree init) || !(init.getMethodSelect() instanceof MemberSelectTree ms)
                || !ms.getIdentifier().contentEquals("init") || init.getArguments().size() != 3
                || init.getArguments().get(2) != specUse.getLeaf() || !(ms.getExpression() instanceof IdentifierTree cipherVar)) {
            return site.notFixable("the IV is not passed to `cipher.init(mode, key, spec)` in this method");
        }
        TreePath initStmt = site.enclosingStatement(parent).orElse(null);
        if (initStmt == null || !(initStmt.getParentPath().getLeaf() instanceof BlockTree block)) {
            return site.notFixable("the cipher is not initialised in a statement of its own");
        }
        String c = cipherVar.getName().toString();
        List<? extends StatementTree> stmts = block.getStatements();
        ReturnTree ret = stmts.get(stmts.size() - 1) instanceof ReturnTree r ? r : null;
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (ret == null || !(ret.getExpression() instanceof MethodInvocationTree fin) || !isCall(fin, c, "doFinal")
                || fin.getArguments().size() != 1 || method == null
                || !"byte[]".equals(String.valueOf(((MethodTree) method.getLeaf()).getReturnType()))
                || uses(site, block, c) != 2) {
            return site.notFixable("only `" + c + ".init(mode, key, spec)` followed by `return " + c + ".doFinal(data)`"
                    + " in a method returning byte[] is rewritten: elsewhere the IV cannot be stored with the data");
        }
        int length = gcmSpec ? 12 : blockSize(site, block, c);
        if (length < 0) {
            return site.notFixable("the cipher's algorithm is not visible here, so the IV length is unknown");
        }
        String mode = site.source(init.getArguments().get(0));
        List<Edit> edits = new ArrayList<>();
        String sep = site.lineSeparator();
        if (mode.endsWith("DECRYPT_MODE") && fin.getArguments().get(0) instanceof IdentifierTree data) {
            String d = data.getName().toString();
            edits.add(Edit.replace(site.start(ivArg), site.end(ivArg), d + ", 0, " + length));
            edits.add(Edit.replace(site.start(fin.getArguments().get(0)), site.end(fin.getArguments().get(0)),
                    d + ", " + length + ", " + d + ".length - " + length));
            return site.edits("the IV is read from the first " + length + " bytes of the data (where the encrypting"
                    + " side now writes a random one); data encrypted before with the fixed IV needs a migration", edits);
        }
        if (!mode.endsWith("ENCRYPT_MODE")) {
            return site.notFixable("the cipher is initialised in " + mode + ", not to encrypt or decrypt data");
        }
        String random = randomSource(site, edits);
        String buffer = site.typeName("java.nio.ByteBuffer", edits);
        Tree firstUse = site.enclosingStatement(site.sink()).map(TreePath::getLeaf).orElse(initStmt.getLeaf());
        String indent = site.indentation(site.start(firstUse));
        String iv;
        Element arrayVar = ivArg instanceof IdentifierTree ? site.element(ivArg) : null;
        VariableTree arrayDecl = arrayVar != null && arrayVar.getKind() == ElementKind.LOCAL_VARIABLE
                ? Locals.declaration(site, method.getLeaf(), arrayVar) : null;
        if (arrayDecl != null && arrayDecl.getInitializer() instanceof NewArrayTree na && na.getInitializers() == null
                && site.startsLine(site.start(arrayDecl))) {
            // A local array never filled: fill it with random bytes where it is declared.
            iv = arrayDecl.getName().toString();
            edits.add(Edit.insert(site.end(arrayDecl), sep + site.indentation(site.start(arrayDecl)) + random
                    + ".nextBytes(" + iv + ");"));
        } else {
            iv = site.freshName("iv").equals("iv") ? "iv" : site.freshName("ivBytes");
            edits.add(Edit.insert(site.start(firstUse), "byte[] " + iv + " = new byte[" + length + "];" + sep
                    + indent + random + ".nextBytes(" + iv + ");" + sep + indent));
            edits.add(Edit.replace(site.start(ivArg), site.end(ivArg), iv));
        }
        String sealed = site.freshName("sealed");
        String retIndent = site.indentation(site.start(ret));
        edits.add(Edit.replace(site.start(ret), site.end(ret), "byte[] " + sealed + " = " + site.source(fin) + ";" + sep
                + retIndent + "return " + buffer + ".allocate(" + iv + ".length + " + sealed + ".length).put(" + iv
                + ").put(" + sealed + ").array();"));
        return site.edits("a random " + length + "-byte IV for each message, written before the ciphertext; the"
                + " decrypting side must read it from the first " + length + " bytes, and data encrypted before"
                + " with the fixed IV needs a migration", edits);
    }

    /** The IV length of the cipher held in {@code c}, from its transformation in the same block, or -1. */
    private static int blockSize(FixSite site, BlockTree block, String c) {
        for (StatementTree s : block.getStatements()) {
            if (s instanceof VariableTree v && v.getName().contentEquals(c) && v.getInitializer() instanceof MethodInvocationTree gi
                    && !gi.getArguments().isEmpty()) {
                String t = Constants.string(site.unit(), gi.getArguments().get(0)).orElse("").toUpperCase(Locale.ROOT);
                if (t.startsWith("AES")) {
                    return 16;
                }
                if (t.startsWith("DES") || t.startsWith("BLOWFISH") || t.startsWith("RC2")) {
                    return 8;
                }
            }
        }
        return -1;
    }

    /** A SecureRandom field of the class usable at the sink, else a new SecureRandom. */
    static String randomSource(FixSite site, List<Edit> edits) {
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        boolean isStatic = method != null && ((MethodTree) method.getLeaf()).getModifiers().getFlags().contains(Modifier.STATIC);
        for (TreePath p = site.sink(); p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof ClassTree cls) {
                for (Tree member : cls.getMembers()) {
                    if (member instanceof VariableTree f && site.element(f) != null
                            && String.valueOf(site.element(f).asType()).equals("java.security.SecureRandom")
                            && (!isStatic || f.getModifiers().getFlags().contains(Modifier.STATIC))) {
                        return f.getName().toString();
                    }
                }
                break;
            }
        }
        return "new " + site.typeName("java.security.SecureRandom", edits) + "()";
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Whether a transformation is one of the symmetric problems the check reports (broken or ECB). */
    static boolean weakSymmetric(String transformation) {
        String[] parts = transformation.strip().toUpperCase(Locale.ROOT).split("/");
        if (BROKEN.contains(parts[0]) || parts[0].startsWith("PBEWITH")) {
            return true;
        }
        if (parts[0].equals("RSA") || parts[0].equals("ECIES") || parts[0].equals("ELGAMAL")) {
            return false;
        }
        return parts.length > 1 ? parts[1].equals("ECB") : parts[0].equals("AES") || parts[0].matches("AES_\\d+");
    }

    static boolean rsaWithoutPadding(String transformation) {
        String[] parts = transformation.strip().toUpperCase(Locale.ROOT).split("/");
        return parts[0].equals("RSA") && parts.length > 2 && parts[2].equals("NOPADDING");
    }

    /** Whether the Cipher created at {@code call} leaves the method uninitialised (returned or stored). */
    private static boolean escapes(TreePath call) {
        Tree parent = call.getParentPath().getLeaf();
        return parent instanceof ReturnTree
                || parent instanceof VariableTree v && call.getParentPath().getParentPath().getLeaf() instanceof ClassTree;
    }

    private static boolean isArgumentOf(FixSite site, TreePath ref, String type, String method) {
        TreePath parent = ref.getParentPath();
        return parent.getLeaf() instanceof MethodInvocationTree call && !call.getArguments().isEmpty()
                && call.getArguments().get(0) == ref.getLeaf() && CallTarget.of(site.unit(), parent).is(type, method);
    }

    private static boolean isCall(MethodInvocationTree call, String receiver, String name) {
        return call.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals(name)
                && ms.getExpression() instanceof IdentifierTree id && id.getName().contentEquals(receiver);
    }

    /** How many times the name occurs as an identifier in the block (declaration not counted). */
    private static int uses(FixSite site, BlockTree block, String name) {
        int[] n = {0};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                if (node.getName().contentEquals(name)) {
                    n[0]++;
                }
                return null;
            }
        }.scan(site.path(block), null);
        return n[0];
    }
}
