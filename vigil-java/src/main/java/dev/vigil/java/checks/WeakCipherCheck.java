package dev.vigil.java.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/weak-cipher: broken ciphers (DES, 3DES, RC2, RC4, Blowfish), ECB mode (explicit or by
 * default, as {@code Cipher.getInstance("AES")}), unpadded RSA, and IVs or nonces fixed in the
 * source (a literal, a constant array, or an array never filled). Transformations are judged by
 * their resolved value; one that cannot be resolved is not reported.
 */
public final class WeakCipherCheck implements JavaCheck {

    static final String RULE = "java/weak-cipher";

    private static final Set<String> BROKEN = Set.of(
            "DES", "DESEDE", "TRIPLEDES", "3DES", "DESEDEWRAP", "RC2", "RC4", "ARCFOUR", "BLOWFISH", "RC5");

    /** Asymmetric algorithms whose "ECB" is a historic label for one-block operation. */
    private static final Set<String> ASYMMETRIC = Set.of("RSA", "ECIES", "ELGAMAL");

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
                if (t.arity() >= 1 && t.name().equals("getInstance")) {
                    if (t.is("javax.crypto.Cipher", "getInstance")) {
                        judge(this, transformationProblem(this, 0));
                    } else if (t.is("javax.crypto.KeyGenerator", "getInstance")
                            || t.is("javax.crypto.SecretKeyFactory", "getInstance")) {
                        judge(this, algorithmProblem(this, 0));
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                CallTarget t = target();
                if (t.is("javax.crypto.spec.SecretKeySpec", "<init>") && t.arity() >= 2) {
                    judge(this, algorithmProblem(this, t.arity() - 1));
                } else if (t.is("javax.crypto.spec.IvParameterSpec", "<init>") && t.arity() >= 1) {
                    judge(this, ivProblem(this, argumentPath(0)));
                } else if (t.is("javax.crypto.spec.GCMParameterSpec", "<init>") && t.arity() >= 2) {
                    judge(this, ivProblem(this, argumentPath(1)));
                }
                return super.visitNewClass(creation, unused);
            }
        }.run();
    }

    private static void judge(CheckScanner s, String problem) {
        if (problem != null) {
            s.report(RULE, s.getCurrentPath(), problem);
        }
    }

    private static String transformationProblem(CheckScanner s, int argument) {
        for (String transformation : s.argument(argument).strings()) {
            String problem = transformationProblem(transformation);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Why a {@code Cipher.getInstance} transformation is weak, or null. */
    static String transformationProblem(String transformation) {
        String[] parts = transformation.strip().toUpperCase(Locale.ROOT).split("/");
        String algorithm = parts[0];
        String mode = parts.length > 1 ? parts[1] : null;
        String padding = parts.length > 2 ? parts[2] : null;
        String broken = brokenAlgorithm(algorithm);
        if (broken != null) {
            return "Weak cipher " + transformation + ": " + broken + "; use AES/GCM/NoPadding";
        }
        if (ASYMMETRIC.contains(algorithm)) {
            return "NOPADDING".equals(padding)
                    ? "Unpadded RSA (" + transformation + ") is deterministic and malleable: use OAEP padding"
                    : null;
        }
        if ("ECB".equals(mode)) {
            return "ECB mode (" + transformation + ") leaks patterns of the plaintext: use AES/GCM/NoPadding";
        }
        if (mode == null && (algorithm.equals("AES") || algorithm.matches("AES_\\d+"))) {
            return "Cipher " + transformation + " without a mode defaults to ECB, which leaks patterns of the"
                    + " plaintext: use AES/GCM/NoPadding";
        }
        return null;
    }

    private static String algorithmProblem(CheckScanner s, int argument) {
        for (String algorithm : s.argument(argument).strings()) {
            String broken = brokenAlgorithm(algorithm.strip().toUpperCase(Locale.ROOT).split("/")[0]);
            if (broken != null) {
                return "Weak cipher " + algorithm + ": " + broken + "; use AES with 256-bit keys";
            }
        }
        return null;
    }

    private static String brokenAlgorithm(String upper) {
        if (BROKEN.contains(upper)) {
            return upper.startsWith("DES") && !upper.equals("DES") || upper.contains("3DES") || upper.equals("TRIPLEDES")
                    ? "triple DES has 64-bit blocks (Sweet32) and is deprecated"
                    : upper + " is broken";
        }
        if (upper.startsWith("PBEWITH") && (upper.contains("DES") || upper.contains("RC2") || upper.contains("RC4"))) {
            return "the password-based scheme encrypts with a broken cipher";
        }
        return null;
    }

    /** Why an IV or nonce argument is predictable, or null. */
    private static String ivProblem(CheckScanner s, TreePath iv) {
        if (s.constants.isConstantArray(iv)) {
            return "IV/nonce fixed in the source: every message is encrypted with the same IV; generate a"
                    + " fresh one with SecureRandom for each encryption";
        }
        if (neverFilled(s, iv)) {
            return "All-zero IV/nonce (a new array never filled): generate a fresh one with SecureRandom"
                    + " for each encryption";
        }
        return null;
    }

    /** {@code new byte[n]} inline, or a local initialized so and used only as an IV (never written to). */
    static boolean neverFilled(CheckScanner s, TreePath iv) {
        ExpressionTree e = CheckScanner.strip((ExpressionTree) iv.getLeaf());
        if (e instanceof NewArrayTree na) {
            return na.getInitializers() == null && !na.getDimensions().isEmpty();
        }
        if (!(e instanceof IdentifierTree)) {
            return false;
        }
        Element var = s.unit.trees().getElement(iv);
        if (var == null || var.getKind() != ElementKind.LOCAL_VARIABLE) {
            return false;
        }
        TreePath method = iv;
        while (method != null && !(method.getLeaf() instanceof MethodTree)) {
            method = method.getParentPath();
        }
        if (method == null) {
            return false;
        }
        boolean[] zeroInit = {false};
        int[] otherUses = {0};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (var.equals(s.unit.trees().getElement(getCurrentPath()))) {
                    zeroInit[0] = v.getInitializer() instanceof NewArrayTree na && na.getInitializers() == null;
                }
                return super.visitVariable(v, unused);
            }

            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                if (var.equals(s.unit.trees().getElement(getCurrentPath())) && !onlyRead(getCurrentPath())) {
                    otherUses[0]++;
                }
                return null;
            }
        }.scan(method, null);
        return zeroInit[0] && otherUses[0] == 0;
    }

    /** The array is read in a way that cannot fill it: as an IV argument or for its length. */
    private static boolean onlyRead(TreePath use) {
        TreePath parent = use.getParentPath();
        if (parent.getLeaf() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("length")) {
            return true;
        }
        if (parent.getLeaf() instanceof NewClassTree nc) {
            String type = nc.getIdentifier().toString();
            return type.endsWith("IvParameterSpec") || type.endsWith("GCMParameterSpec");
        }
        return false;
    }
}
