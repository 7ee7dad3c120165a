package dev.vigil.java.fix;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Location;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.frontend.JavaFrontEnd;
import dev.vigil.java.frontend.JavaProgram;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposes deterministic fixes: parses the sources once, finds the tree at each finding's sink and
 * asks the recipe for its rule. Proposals that edit overlapping text of one file are kept first come,
 * first served; the later ones are reported as conflicting, never merged blindly.
 */
public final class FixEngine {

    private final List<FixRecipe> recipes;

    public FixEngine() {
        this(recipes(null));
    }

    /** Every deterministic recipe; the XSS one encodes with the given encoder (null: the project has none). */
    private static List<FixRecipe> recipes(XssFix.Encoder encoder) {
        return List.of(new SqlInjectionFix(), new WeakHashFix(), new LineBreakFix(), new XssFix(encoder),
                new PathTraversalFix(), new CookieFlagsFix(), new WeakRandomFix(), new XxeFix(), new OpenRedirectFix(),
                new WeakCipherFix(), new CommandInjectionFix(), new LdapInjectionFix(), new XPathInjectionFix(),
                new InsecureTlsFix());
    }

    /** The recipes for a project: the XSS encoder is the one the project already depends on. */
    public static FixEngine forProject(SourceSet sources) {
        StringBuilder text = new StringBuilder();
        sources.javaFiles().forEach(f -> {
            // Imports are enough to see which libraries the code uses.
            int body = f.text().indexOf("class ");
            text.append(body < 0 ? f.text() : f.text(), 0, body < 0 ? f.text().length() : body);
        });
        for (java.nio.file.Path build : sources.buildFiles()) {
            try {
                text.append(java.nio.file.Files.readString(build));
            } catch (java.io.IOException | RuntimeException e) {
                // An unreadable build file names no encoder; the sources still may.
            }
        }
        return new FixEngine(recipes(XssFix.detect(text.toString())));
    }

    FixEngine(List<FixRecipe> recipes) {
        this.recipes = List.copyOf(recipes);
    }

    /** The rules some recipe can fix. */
    public List<String> fixableRules() {
        return recipes.stream().flatMap(r -> r.ruleIds().stream()).sorted().toList();
    }

    public List<FixProposal> propose(SourceSet sources, List<Finding> findings) {
        JavaProgram program = new JavaFrontEnd(List.of(), 1).parse(sources.javaFiles(), Progress.NONE);
        Map<String, ParsedUnit> units = new HashMap<>();
        program.units().forEach(u -> units.put(u.file().relativePath(), u));
        List<FixProposal> out = new ArrayList<>();
        Map<String, List<Edit>> taken = new HashMap<>();
        for (Finding f : findings) {
            FixProposal p = proposeOne(sources, units, f);
            if (p instanceof FixProposal.Edits e) {
                List<Edit> existing = taken.computeIfAbsent(e.file(), k -> new ArrayList<>());
                ParsedUnit unit = units.get(e.file());
                if (unit != null && !existing.isEmpty()) {
                    List<Edit> kept = RepeatedChecks.without(unit, e.edits(), existing);
                    if (!kept.equals(e.edits())) {
                        e = new FixProposal.Edits(e.finding(), e.file(), e.description()
                                + " (the same check, made first by the fix of another finding in this method, is not repeated)", kept);
                        p = e;
                    }
                }
                Edit clash = clash(existing, e.edits());
                if (clash != null) {
                    p = new FixProposal.NotFixable(f, "its edit overlaps the fix of another finding at offset "
                            + clash.offset() + "; run vigil fix again after applying the first");
                } else {
                    existing.addAll(e.edits());
                }
            }
            out.add(p);
        }
        return out;
    }

    private FixProposal proposeOne(SourceSet sources, Map<String, ParsedUnit> units, Finding f) {
        if (f.isSuppressed()) {
            return new FixProposal.NotFixable(f, "suppressed in the source");
        }
        FixRecipe recipe = recipes.stream().filter(r -> r.ruleIds().contains(f.ruleId())).findFirst().orElse(null);
        if (recipe == null) {
            return new FixProposal.NotFixable(f, "no deterministic fix for " + f.ruleId());
        }
        ParsedUnit unit = units.get(f.location().file());
        if (unit == null) {
            return new FixProposal.NotFixable(f, "the file is not among the parsed Java sources");
        }
        if (markedSafe(unit.lineText(f.location().startLine()), f.ruleId())) {
            return new FixProposal.NotFixable(f, "the line is marked `vigil: safe " + f.ruleId()
                    + "`: reviewed as safe, left alone");
        }
        TreePath sink = sinkAt(unit, f.location());
        if (sink == null) {
            return new FixProposal.NotFixable(f, "no call found at the reported position (the file changed?)");
        }
        int level = LanguageLevel.of(unit.file().path(), sources.buildFiles());
        try {
            return recipe.propose(new FixSite(unit, f, sink, level, sources.files().stream()
                    .filter(s -> s.relativePath().endsWith(".properties")).toList()));
        } catch (RuntimeException e) {
            return new FixProposal.NotFixable(f, "the fix recipe failed (a bug in Vigil): " + e);
        }
    }

    /** Overlap with already accepted edits; identical import insertions are shared, not clashing. */
    private static Edit clash(List<Edit> existing, List<Edit> added) {
        for (Edit a : added) {
            for (Edit b : existing) {
                // Shared: the same edit made for two findings (one declaration fixes every use), imports,
                // and whole statements inserted at the same place (they are written one after the other).
                if (a.overlaps(b) && !a.equals(b) && !(a.length() == 0 && b.length() == 0
                        && (isImport(a) && isImport(b) || isStatements(a) && isStatements(b)))) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Whether a line carries a {@code // vigil: safe RULE} marker naming the rule (the corpus convention). */
    static boolean markedSafe(String line, String ruleId) {
        int marker = line.indexOf("vigil: safe");
        if (marker < 0) {
            return false;
        }
        for (String rule : line.substring(marker + "vigil: safe".length()).split(",")) {
            if (rule.strip().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    /** An insertion of whole lines before a statement (it ends with a line break and the indentation). */
    static boolean isStatements(Edit e) {
        return e.length() == 0 && !isImport(e) && e.replacement().matches("(?s).*[\\r\\n][ \\t]*");
    }

    static boolean isImport(Edit e) {
        return e.length() == 0 && e.replacement().strip().startsWith("import ") && e.replacement().strip().endsWith(";");
    }

    /**
     * The innermost call or creation that ends where the finding ends and starts at or before its start
     * (taint findings start at the method name, check findings at the receiver).
     */
    static TreePath sinkAt(ParsedUnit unit, Location l) {
        int start = offset(unit.file().text(), l.startLine(), l.startColumn());
        int end = offset(unit.file().text(), l.endLine(), l.endColumn());
        TreePath[] best = new TreePath[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree instanceof MethodInvocationTree || tree instanceof NewClassTree) {
                    TreePath here = new TreePath(getCurrentPath(), tree);
                    long s = unit.startOffset(tree);
                    long e = unit.endOffset(tree);
                    if (s <= start && e == end && (best[0] == null || s >= unit.startOffset(best[0].getLeaf()))) {
                        best[0] = here;
                    }
                }
                return super.scan(tree, unused);
            }
        }.scan(new TreePath(unit.tree()), null);
        if (best[0] == null) {
            // A sink that is not a call (a returned HTML string): the expression spanning the location.
            new TreePathScanner<Void, Void>() {
                @Override
                public Void scan(Tree tree, Void unused) {
                    if (tree instanceof com.sun.source.tree.ExpressionTree && best[0] == null
                            && unit.startOffset(tree) == start && unit.endOffset(tree) == end) {
                        best[0] = new TreePath(getCurrentPath(), tree);
                    }
                    return super.scan(tree, unused);
                }
            }.scan(new TreePath(unit.tree()), null);
        }
        if (best[0] == null) {
            // A finding on a method declaration (a trust manager's checkServerTrusted): it points at the name.
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethod(com.sun.source.tree.MethodTree method, Void unused) {
                    int name = unit.file().text().indexOf(method.getName() + "(", (int) unit.startOffset(method));
                    if (best[0] == null && name == start && name + method.getName().length() == end) {
                        best[0] = getCurrentPath();
                    }
                    return super.visitMethod(method, unused);
                }
            }.scan(new TreePath(unit.tree()), null);
        }
        return best[0];
    }

    /** The offset of a 1-based line and column in text whose lines end with '\n' (optionally after '\r'). */
    static int offset(String text, int line, int column) {
        int pos = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                return text.length();
            }
            pos = nl + 1;
        }
        return Math.min(text.length(), pos + column - 1);
    }
}
