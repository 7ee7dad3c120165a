package dev.vigil.java.fix;

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
 * Seeded generators and library helpers (RandomStringUtils) are left for a person.
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

    @Override
    public FixProposal propose(FixSite site) {
        if (!(site.sink().getLeaf() instanceof MethodInvocationTree call)) {
            return site.notFixable("the generator is not used through a method call");
        }
        CallTarget target = CallTarget.of(site.unit(), site.sink());
        List<Edit> edits = new ArrayList<>();
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
