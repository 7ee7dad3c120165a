package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/weak-random: the generator becomes {@link java.security.SecureRandom}. SecureRandom extends
 * Random, so {@code new Random()} is replaced where the generator is created (its field or local keeps
 * its declared type and every use gets the strong generator); {@code ThreadLocalRandom.current()} and
 * {@code Math.random()} are replaced at the call with the methods Random has had since Java 1.1.
 * A SecureRandom seeded with a constant loses the seed ({@code new SecureRandom(seed)} becomes
 * {@code new SecureRandom()}, a {@code setSeed(constant);} statement is deleted), and the one-count
 * RandomStringUtils helpers draw the same characters through {@code random(..., SecureRandom)}.
 */
final class WeakRandomFix implements FixRecipe {

    /** Methods of Random (since Java 1.1) by arity, so a ThreadLocalRandom call stays valid on Java 8. */
    private static final Map<String, Set<Integer>> RANDOM_METHODS = Map.of(
            "nextInt", Set.of(0, 1), "nextLong", Set.of(0), "nextBytes", Set.of(1), "nextDouble", Set.of(0),
            "nextBoolean", Set.of(0), "nextFloat", Set.of(0), "nextGaussian", Set.of(0));

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/weak-random");
    }

    /**
     * RandomStringUtils helpers with one count argument, as the arguments of
     * {@code random(count, start, end, letters, numbers, chars, Random)} that draw the same characters.
     */
    private static final Map<String, String> STRING_UTILS = Map.of(
            "random", "0, 0, false, false", "randomAlphabetic", "0, 0, true, false",
            "randomAlphanumeric", "0, 0, true, true", "randomNumeric", "0, 0, false, true",
            "randomAscii", "32, 127, false, false", "randomGraph", "33, 126, false, false",
            "randomPrint", "32, 126, false, false");

    @Override
    public FixProposal propose(FixSite site) {
        if (site.sink().getLeaf() instanceof NewClassTree seeded && !seeded.getArguments().isEmpty()
                && CallTarget.ofNew(site.unit(), site.sink()).declaringType().equals("java.security.SecureRandom")) {
            return site.edits("SecureRandom without the fixed seed (it seeds itself from the operating system)",
                    List.of(Edit.replace(site.end(seeded.getIdentifier()), site.end(seeded), "()")));
        }
        if (!(site.sink().getLeaf() instanceof MethodInvocationTree call)) {
            return site.notFixable("the generator is not used through a method call");
        }
        CallTarget target = CallTarget.of(site.unit(), site.sink());
        List<Edit> edits = new ArrayList<>();
        if (target.is("java.security.SecureRandom", "setSeed")) {
            return removeSeed(site);
        }
        String helper = target.name();
        if ((target.is("org.apache.commons.lang3.RandomStringUtils", helper)
                || target.is("org.apache.commons.lang.RandomStringUtils", helper))
                && STRING_UTILS.containsKey(helper) && call.getArguments().size() == 1
                && call.getMethodSelect() instanceof MemberSelectTree hs) {
            String random = WeakCipherFix.randomSource(site, edits);
            ExpressionTree count = call.getArguments().get(0);
            edits.add(Edit.replace(site.end(hs) - helper.length(), site.end(call), "random(" + site.source(count) + ", "
                    + STRING_UTILS.get(helper) + ", null, " + random + ")"));
            return site.edits("RandomStringUtils draws the same characters from a SecureRandom", edits);
        }
        if (target.is("java.lang.Math", "random") || target.is("java.lang.StrictMath", "random")) {
            String type = site.typeName("java.security.SecureRandom", edits);
            edits.add(Edit.replace(site.start(call), site.end(call), "new " + type + "().nextDouble()"));
            return site.edits("SecureRandom instead of Math.random()", edits);
        }
        if (!(call.getMethodSelect() instanceof MemberSelectTree ms)) {
            return site.notFixable("the generator is not identifiable at the call");
        }
        ExpressionTree receiver = ms.getExpression();
        if (receiver instanceof MethodInvocationTree current
                && CallTarget.of(site.unit(), new TreePath(new TreePath(site.sink(), ms), current))
                        .is("java.util.concurrent.ThreadLocalRandom", "current")) {
            Set<Integer> arities = RANDOM_METHODS.get(ms.getIdentifier().toString());
            if (arities == null || !arities.contains(call.getArguments().size())) {
                return site.notFixable("ThreadLocalRandom." + ms.getIdentifier() + " with these arguments has no"
                        + " SecureRandom equivalent before Java 17");
            }
            String type = site.typeName("java.security.SecureRandom", edits);
            edits.add(Edit.replace(site.start(current), site.end(current), "new " + type + "()"));
            return site.edits("SecureRandom instead of ThreadLocalRandom", edits);
        }
        NewClassTree creation = creation(site, receiver);
        if (creation == null) {
            return site.notFixable("the generator is not created with new Random() in this file");
        }
        String type = site.typeName("java.security.SecureRandom", edits);
        edits.add(Edit.replace(site.start(creation), site.end(creation), "new " + type + "()"));
        return site.edits("SecureRandom where the generator is created", edits);
    }

    /** A {@code generator.setSeed(constant);} statement is deleted: the generator seeds itself. */
    private static FixProposal removeSeed(FixSite site) {
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        if (stmt == null || !(stmt.getLeaf() instanceof ExpressionStatementTree es) || es.getExpression() != site.sink().getLeaf()) {
            return site.notFixable("the seeding call is part of a larger expression");
        }
        int start = site.start(stmt.getLeaf());
        int lineEnd = site.text().indexOf('\n', site.end(stmt.getLeaf()));
        String rest = lineEnd < 0 ? "" : site.text().substring(site.end(stmt.getLeaf()), lineEnd).strip();
        if (!site.startsLine(start) || lineEnd < 0 || !(rest.isEmpty() || rest.startsWith("//"))) {
            return site.notFixable("the seeding statement shares its line with other code");
        }
        return site.edits("the fixed seed is removed: SecureRandom seeds itself from the operating system",
                List.of(Edit.replace(site.lineStart(start), lineEnd + 1, "")));
    }

    /** The unseeded {@code new Random()} the receiver is: inline, or the initializer of its field or local. */
    private static NewClassTree creation(FixSite site, ExpressionTree receiver) {
        Tree init = receiver;
        if (receiver instanceof IdentifierTree || receiver instanceof MemberSelectTree) {
            Element el = site.element(receiver);
            if (el == null || !(el.getKind() == ElementKind.FIELD || el.getKind() == ElementKind.LOCAL_VARIABLE)) {
                return null;
            }
            Tree decl = site.unit().trees().getTree(el);
            if (decl == null) {
                decl = site.enclosingMethod(site.sink()).map(m -> Locals.declaration(site, m.getLeaf(), el)).orElse(null);
            }
            if (!(decl instanceof VariableTree v) || v.getInitializer() == null
                    || (el.getKind() == ElementKind.LOCAL_VARIABLE
                        && site.enclosingMethod(site.sink()).map(m -> Locals.assigned(site, m.getLeaf(), el)).orElse(true))
                    || site.path(v) == null) {
                return null;
            }
            init = v.getInitializer();
        }
        if (init instanceof NewClassTree n && n.getArguments().isEmpty() && n.getClassBody() == null
                && site.path(n) != null
                && CallTarget.ofNew(site.unit(), site.path(n)).declaringType().equals("java.util.Random")) {
            return n;
        }
        return null;
    }
}
