package dev.vigil.java.checks;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.constants.ValueSet;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/weak-random: a predictable generator (java.util.Random, Math.random, ThreadLocalRandom,
 * non-secure RandomStringUtils/RandomUtils) whose value is used as a secret, and a SecureRandom
 * seeded with a constant. A value is a secret when the method producing it is named like one
 * (generateToken, newPassword, sessionId), or when, within the method, it reaches a variable or field
 * named like one (token, password, secret, session, key, nonce, salt, otp, csrf) or a cookie,
 * the session, or a response header. Randomness for shuffling, sampling, jitter or display is not
 * reported.
 */
public final class WeakRandomCheck implements JavaCheck {

    static final String RULE = "java/weak-random";

    /** Words of variable and field names that hold secrets; a bare "id" or "code" is too common to count. */
    private static final Set<String> SECRET_VARIABLE_WORDS = Set.of(
            "token", "tokens", "password", "passwords", "passwd", "pwd", "secret", "secrets", "session", "sessionid",
            "sid", "key", "keys", "apikey", "nonce", "salt", "otp", "csrf", "xsrf", "credential",
            "credentials", "pin", "iv", "seed", "passphrase", "auth", "signature");

    /** Words of method names that produce secrets. */
    private static final Set<String> SECRET_METHOD_WORDS = Set.of(
            "token", "tokens", "password", "passwords", "passwd", "pwd", "secret", "secrets", "session", "sessionid",
            "key", "keys", "apikey", "nonce", "salt", "otp", "csrf", "xsrf", "credential", "credentials", "pin",
            "passphrase", "iv", "seed");

    /** Last words of names that describe a secret instead of holding it. */
    private static final Set<String> METADATA_WORDS = Set.of("count", "size", "length", "len", "index", "idx",
            "type", "name", "alias", "prefix", "suffix", "timeout", "expiry", "ttl", "delay", "interval", "age",
            "version", "position", "offset");

    /** Calls whose result carries their argument's value (so a random number stays a random secret). */
    private static final Set<String> CONVERSIONS = Set.of(
            "toString", "toHexString", "toOctalString", "toBinaryString", "toUnsignedString", "valueOf", "format",
            "formatted", "join", "encode", "encodeToString", "encodeHex", "encodeHexString", "formatHex", "toHex",
            "append", "concat", "substring", "toUpperCase", "toLowerCase", "abs", "floorMod", "padStart", "leftPad",
            "repeat", "strip", "trim", "getBytes", "toByteArray", "toCharArray", "digest", "hashString", "sha256Hex",
            "wrap", "copyOf", "md5Hex");

    /** Calls that put a value where it is a credential: cookies, the session, response headers. */
    private static final Set<String> SECRET_SINKS = Set.of("addCookie", "setHeader", "addHeader", "putValue",
            "setValue");

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
                if (t.is("java.security.SecureRandom", "setSeed") && t.arity() == 1) {
                    if (constantSeed(this, argumentPath(0)) && !usedBefore(this, receiverPath())) {
                        report(RULE, getCurrentPath(), "SecureRandom seeded with a constant produces the same"
                                + " sequence on every run: let it seed itself");
                    }
                } else if (predictable(this, t)) {
                    String why = secretUse(this, getCurrentPath(), call);
                    if (why != null) {
                        report(RULE, getCurrentPath(), "Predictable random " + describe(t) + " used for " + why
                                + ": use java.security.SecureRandom");
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                CallTarget t = target();
                if (t.is("java.security.SecureRandom", "<init>") && t.arity() == 1
                        && constantSeed(this, argumentPath(0))) {
                    report(RULE, getCurrentPath(), "SecureRandom seeded with a constant produces the same sequence"
                            + " on every run: use new SecureRandom() without a seed");
                }
                return super.visitNewClass(creation, unused);
            }
        }.run();
    }

    private static String describe(CallTarget t) {
        String type = t.receiverType().isEmpty() ? t.declaringType() : t.receiverType();
        return type.substring(type.lastIndexOf('.') + 1) + "." + t.name() + "()";
    }

    /** A call producing values of a non-cryptographic generator. */
    private static boolean predictable(CheckScanner s, CallTarget t) {
        String type = t.receiverType().isEmpty() ? t.declaringType() : t.receiverType();
        String name = t.name();
        switch (type) {
            case "java.lang.Math", "java.lang.StrictMath" -> {
                return name.equals("random");
            }
            case "java.util.Random", "java.util.concurrent.ThreadLocalRandom", "java.util.SplittableRandom" -> {
                boolean draws = name.startsWith("next") || name.equals("ints") || name.equals("longs")
                        || name.equals("doubles");
                // An unqualified call is the generator's own code (or a subclass), not a use of it.
                return draws && s.receiverPath() != null && !secureInstance(s, s.receiverPath());
            }
            case "org.apache.commons.lang3.RandomStringUtils", "org.apache.commons.lang.RandomStringUtils" -> {
                if (s.receiverPath() != null && s.receiverPath().getLeaf() instanceof MethodInvocationTree inner) {
                    // RandomStringUtils.insecure().nextAlphanumeric(..) vs secure()/secureStrong()
                    return inner.getMethodSelect().toString().endsWith("insecure") && name.startsWith("next");
                }
                return name.startsWith("random") && !passesGenerator(s);
            }
            case "org.apache.commons.lang3.RandomUtils" -> {
                if (s.receiverPath() != null && s.receiverPath().getLeaf() instanceof MethodInvocationTree inner) {
                    return inner.getMethodSelect().toString().endsWith("insecure") && name.startsWith("next");
                }
                return name.startsWith("next");
            }
            default -> {
                return false;
            }
        }
    }

    /** RandomStringUtils.random(..., Random) with a SecureRandom: the caller chose the generator. */
    private static boolean passesGenerator(CheckScanner s) {
        MethodInvocationTree call = (MethodInvocationTree) s.getCurrentPath().getLeaf();
        for (ExpressionTree a : call.getArguments()) {
            String type = s.typeOf(s.pathOf(a));
            if (type.equals("java.security.SecureRandom")) {
                return true;
            }
        }
        return false;
    }

    /** A {@code Random}-typed receiver that is in fact a SecureRandom (declared Random, created secure). */
    private static boolean secureInstance(CheckScanner s, TreePath receiver) {
        if (receiver == null) {
            return false;
        }
        Element e = s.unit.trees().getElement(receiver);
        if (e == null || !(e.getKind() == ElementKind.FIELD || e.getKind() == ElementKind.LOCAL_VARIABLE)) {
            return false;
        }
        TreePath decl = e.getKind() == ElementKind.FIELD ? s.unit.trees().getPath(e) : null;
        if (decl == null) {
            TreePath method = enclosingMethod(receiver);
            decl = method == null ? null : declarationIn(s, method, e);
        }
        if (decl != null && decl.getLeaf() instanceof VariableTree vt && vt.getInitializer() != null) {
            String init = vt.getInitializer().toString();
            return init.contains("SecureRandom");
        }
        return false;
    }

    private static TreePath declarationIn(CheckScanner s, TreePath scope, Element var) {
        TreePath[] found = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (var.equals(s.unit.trees().getElement(getCurrentPath()))) {
                    found[0] = getCurrentPath();
                }
                return super.visitVariable(v, unused);
            }
        }.scan(scope, null);
        return found[0];
    }

    private static TreePath enclosingMethod(TreePath p) {
        for (TreePath q = p; q != null; q = q.getParentPath()) {
            if (q.getLeaf() instanceof MethodTree) {
                return q;
            }
            if (q.getLeaf() instanceof ClassTree) {
                return null;
            }
        }
        return null;
    }

    /** What secret the random value at {@code call} becomes, or null when it stays non-security data. */
    private static String secretUse(CheckScanner s, TreePath callPath, MethodInvocationTree call) {
        TreePath method = enclosingMethod(callPath);
        if (method != null && hasWord(((MethodTree) method.getLeaf()).getName().toString(), SECRET_METHOD_WORDS)
                && !consumed(callPath)) {
            return "a secret returned by " + ((MethodTree) method.getLeaf()).getName() + "()";
        }
        if (call.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("nextBytes")
                && call.getArguments().size() == 1) {
            // The bytes land in the array argument: judge the array.
            return flowsToSecret(s, new TreePath(callPath, call.getArguments().get(0)), 0, true);
        }
        return flowsToSecret(s, callPath, 0, false);
    }

    /**
     * Follows the value at {@code path} up through arithmetic, concatenation and conversions to where
     * it is stored or used, and through locals to their uses (a few steps deep).
     */
    private static String flowsToSecret(CheckScanner s, TreePath path, int depth, boolean isTarget) {
        if (depth > 3) {
            return null;
        }
        if (isTarget) {
            String named = storedIn(s, path, depth);
            return named;
        }
        TreePath child = path;
        for (TreePath p = path.getParentPath(); p != null; child = p, p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            switch (leaf) {
                case ParenthesizedTree par -> {
                    continue;
                }
                case TypeCastTree cast -> {
                    continue;
                }
                case BinaryTree b -> {
                    if (!arithmetic(b.getKind())) {
                        return null; // a comparison: the random value is consumed, not kept
                    }
                    continue;
                }
                case ConditionalExpressionTree c -> {
                    if (c.getCondition() == child.getLeaf()) {
                        return null;
                    }
                    continue;
                }
                case MemberSelectTree ms -> {
                    continue; // the receiver of a call: judged at the invocation
                }
                case MethodInvocationTree inv -> {
                    String name = inv.getMethodSelect() instanceof MemberSelectTree ms ? ms.getIdentifier().toString()
                            : inv.getMethodSelect().toString();
                    boolean asArgument = inv.getArguments().contains(child.getLeaf());
                    if (asArgument && (SECRET_SINKS.contains(name) || name.equals("setAttribute")
                            && sessionReceiver(inv))) {
                        return "a value stored in a " + (name.equals("setAttribute") || name.equals("putValue")
                                ? "session attribute" : name.equals("addCookie") || name.equals("setValue")
                                ? "cookie" : "response header");
                    }
                    if (!conversion(name)) {
                        return null;
                    }
                    continue;
                }
                case NewClassTree nc -> {
                    String type = nc.getIdentifier().toString();
                    if (type.endsWith("Cookie")) {
                        return "a cookie value";
                    }
                    if (type.equals("String") || type.endsWith("BigInteger") || type.endsWith("StringBuilder")) {
                        continue;
                    }
                    return null;
                }
                case VariableTree v -> {
                    return storedIn(s, p, depth);
                }
                case AssignmentTree a -> {
                    return storedIn(s, new TreePath(p, a.getVariable()), depth);
                }
                case com.sun.source.tree.ReturnTree r -> {
                    return returnedToCallers(s, p, depth);
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Whether the value is used up right where it is drawn: compared, used as a condition, or handed to
     * a call that does not pass it on (an index, a sleep, a size) — then it is no secret even inside a
     * method named like a secret producer.
     */
    private static boolean consumed(TreePath call) {
        TreePath child = call;
        for (TreePath p = call.getParentPath(); p != null; child = p, p = p.getParentPath()) {
            switch (p.getLeaf()) {
                case ParenthesizedTree par -> {
                    continue;
                }
                case TypeCastTree cast -> {
                    continue;
                }
                case MemberSelectTree ms -> {
                    continue;
                }
                case BinaryTree b -> {
                    if (!arithmetic(b.getKind())) {
                        return true;
                    }
                }
                case ConditionalExpressionTree c -> {
                    if (c.getCondition() == child.getLeaf()) {
                        return true;
                    }
                }
                case MethodInvocationTree inv -> {
                    String name = inv.getMethodSelect() instanceof MemberSelectTree ms ? ms.getIdentifier().toString()
                            : inv.getMethodSelect().toString();
                    if (inv.getArguments().contains(child.getLeaf()) && !conversion(name)
                            && !SECRET_SINKS.contains(name)) {
                        return true;
                    }
                }
                case com.sun.source.tree.IfTree i -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /** The value is returned: it becomes a secret if a caller's method is named so or the caller stores it so. */
    private static String returnedToCallers(CheckScanner s, TreePath ret, int depth) {
        TreePath method = enclosingMethod(ret);
        ParsedUnit unit = s.constants.unitOf(ret);
        if (method == null || unit == null
                || !(unit.trees().getElement(method) instanceof javax.lang.model.element.ExecutableElement m)) {
            return null;
        }
        for (TreePath site : s.constants.callSitesOf(m)) {
            TreePath caller = enclosingMethod(site);
            if (caller != null && hasWord(((MethodTree) caller.getLeaf()).getName().toString(), SECRET_METHOD_WORDS)
                    && !consumed(site)) {
                return "a secret returned by " + ((MethodTree) caller.getLeaf()).getName() + "()";
            }
            String why = flowsToSecret(s, site, depth + 1, false);
            if (why != null) {
                return why + " (through " + m.getSimpleName() + "())";
            }
        }
        return null;
    }

    /** The value is stored in the variable declared or written at {@code target}: its name, then its uses. */
    private static String storedIn(CheckScanner s, TreePath target, int depth) {
        Tree leaf = target.getLeaf();
        String name = switch (leaf) {
            case VariableTree v -> v.getName().toString();
            case IdentifierTree id -> id.getName().toString();
            case MemberSelectTree ms -> ms.getIdentifier().toString();
            default -> null;
        };
        if (name == null) {
            return null;
        }
        if (hasWord(name, SECRET_VARIABLE_WORDS) && !describesASecret(name)) {
            return "'" + name + "'";
        }
        ParsedUnit unit = s.constants.unitOf(target);
        Element var = unit == null ? null : unit.trees().getElement(target);
        if (var == null || var.getKind() != ElementKind.LOCAL_VARIABLE) {
            return null;
        }
        TreePath method = enclosingMethod(target);
        if (method == null) {
            return null;
        }
        List<TreePath> uses = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                if (id != leaf && var.equals(unit.trees().getElement(getCurrentPath()))) {
                    uses.add(getCurrentPath());
                }
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
                return super.visitLambdaExpression(l, unused);
            }
        }.scan(method, null);
        for (TreePath use : uses) {
            if (use.getParentPath().getLeaf() instanceof AssignmentTree a && a.getVariable() == use.getLeaf()) {
                continue; // overwritten, not read
            }
            String why = flowsToSecret(s, use, depth + 1, false);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** Calls whose result carries the argument's or receiver's value in another form. */
    private static boolean conversion(String name) {
        return CONVERSIONS.contains(name) || name.startsWith("encode") || name.startsWith("format")
                || name.startsWith("to") && (name.endsWith("String") || name.endsWith("Array") || name.endsWith("Hex"));
    }

    private static boolean sessionReceiver(MethodInvocationTree inv) {
        if (!(inv.getMethodSelect() instanceof MemberSelectTree ms)) {
            return false;
        }
        String receiver = ms.getExpression().toString().toLowerCase(Locale.ROOT);
        return receiver.contains("session");
    }

    private static boolean arithmetic(Tree.Kind kind) {
        return switch (kind) {
            case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER, AND, OR, XOR, LEFT_SHIFT, RIGHT_SHIFT,
                    UNSIGNED_RIGHT_SHIFT -> true;
            default -> false;
        };
    }

    /** Whether a camelCase / snake_case name contains one of the words. */
    static boolean hasWord(String name, Set<String> words) {
        for (String w : words(name)) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        return List.of(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
    }

    /**
     * Names that describe a secret without holding it: its size, position or label (tokenCount,
     * passwordLength, keyIndex, keyId). A session id stays a secret.
     */
    static boolean describesASecret(String name) {
        List<String> w = words(name);
        String last = w.isEmpty() ? "" : w.get(w.size() - 1);
        if (METADATA_WORDS.contains(last)) {
            return true;
        }
        return last.equals("id") && w.size() >= 2 && w.get(w.size() - 2).equals("key");
    }

    /** A seed fixed in the source: a number, a constant array, or a clock reading (guessable). */
    private static boolean constantSeed(CheckScanner s, TreePath seed) {
        ValueSet v = s.constants.resolve(seed);
        if (v.complete() && !v.isUnknown()) {
            return true;
        }
        if (s.constants.isConstantArray(seed)) {
            return true;
        }
        String text = seed.getLeaf().toString();
        return text.equals("System.currentTimeMillis()") || text.equals("System.nanoTime()");
    }

    /** Whether the generator drew values before being seeded (then setSeed only supplements the seed). */
    private static boolean usedBefore(CheckScanner s, TreePath receiver) {
        if (receiver == null) {
            return false;
        }
        Element var = s.unit.trees().getElement(receiver);
        TreePath method = enclosingMethod(receiver);
        if (var == null || method == null) {
            return false;
        }
        long seedAt = s.unit.startOffset(receiver.getLeaf());
        boolean[] used = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms
                        && ms.getIdentifier().toString().startsWith("next")
                        && s.unit.startOffset(call) < seedAt
                        && var.equals(s.unit.trees().getElement(new TreePath(new TreePath(getCurrentPath(), ms),
                        ms.getExpression())))) {
                    used[0] = true;
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(method, null);
        return used[0];
    }
}
