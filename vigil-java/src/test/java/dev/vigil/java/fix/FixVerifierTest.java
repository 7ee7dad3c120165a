package dev.vigil.java.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.MethodInvocationTree;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceCollector;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.JavaAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification rejects what a recipe gets wrong. The recipes here are deliberately wrong in one way
 * each, the way a buggy recipe would be; the verifier must catch every one and keep the good fix.
 */
class FixVerifierTest {

    private static final String SERVLET = """
            package demo;

            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.servlet.http.HttpServletRequest;

            public class Lookup {
                void find(HttpServletRequest request, Connection conn) throws SQLException {
                    String id = request.getParameter("id");
                    conn.createStatement().execute("DELETE FROM t WHERE id = '" + id + "'");
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aFixThatDoesNotParseIsRejected() throws IOException {
        FixProposal p = verifyWith(site -> {
            MethodInvocationTree call = (MethodInvocationTree) site.sink().getLeaf();
            return site.edits("broken", List.of(Edit.insert(site.end(call), " +")));
        });
        assertInstanceOf(FixProposal.NotFixable.class, p);
        assertTrue(((FixProposal.NotFixable) p).reason().contains("does not parse"), p.toString());
    }

    @Test
    void aFixThatLeavesTheFindingIsRejected() throws IOException {
        FixProposal p = verifyWith(site -> site.edits("comment only",
                List.of(Edit.insert(site.start(site.sink().getLeaf()), "/* reviewed */ "))));
        assertInstanceOf(FixProposal.NotFixable.class, p);
        assertTrue(((FixProposal.NotFixable) p).reason().contains("still reported"), p.toString());
    }

    @Test
    void aFixThatIntroducesANewFindingIsRejected() throws IOException {
        FixProposal p = verifyWith(site -> {
            MethodInvocationTree call = (MethodInvocationTree) site.sink().getLeaf();
            // Moves the query to a new tainted command execution: the SQL finding goes, a new one comes.
            return site.edits("swap sink", List.of(Edit.replace(site.start(call), site.end(call),
                    "Runtime.getRuntime().exec(id)")));
        });
        assertInstanceOf(FixProposal.NotFixable.class, p);
        assertTrue(((FixProposal.NotFixable) p).reason().contains("new java/command-injection"), p.toString());
    }

    @Test
    void aFixThatDoesNotCompileIsRejectedInCompileMode() throws IOException {
        Function<FixSite, FixProposal> noSuchOverload = site -> {
            MethodInvocationTree call = (MethodInvocationTree) site.sink().getLeaf();
            return site.edits("wrong arguments", List.of(Edit.replace(site.start(call.getArguments().get(0)),
                    site.end(call.getArguments().get(0)), "\"DELETE FROM t\", 1, 2, 3")));
        };
        FixProposal parsed = verifyWith(noSuchOverload, FixVerifier.Mode.PARSE, true);
        assertInstanceOf(FixProposal.Edits.class, parsed, "parsing alone cannot see a wrong overload");
        FixProposal compiled = verifyWith(noSuchOverload, FixVerifier.Mode.COMPILE, false);
        assertInstanceOf(FixProposal.NotFixable.class, compiled);
        assertTrue(((FixProposal.NotFixable) compiled).reason().contains("compile error"), compiled.toString());
    }

    @Test
    void aPackageOfALibraryAlreadyMissingFromTheClasspathIsNotTheFixsFault() throws IOException {
        // javax.servlet is not on the classpath here: the file's own imports fail before the fix already.
        FixProposal sameLibrary = verifyWith(site -> replaceConcatenation(site,
                "import javax.servlet.annotation.WebServlet;\n", "WebServlet.class.getName()"), FixVerifier.Mode.COMPILE, true);
        assertInstanceOf(FixProposal.Edits.class, sameLibrary, sameLibrary.toString());

        FixProposal otherLibrary = verifyWith(site -> replaceConcatenation(site,
                "import org.owasp.encoder.Encode;\n", "Encode.class.getName()"), FixVerifier.Mode.COMPILE, false);
        assertInstanceOf(FixProposal.NotFixable.class, otherLibrary);
        assertTrue(((FixProposal.NotFixable) otherLibrary).reason().contains("package org.owasp.encoder does not exist"),
                otherLibrary.toString());
    }

    @Test
    void aCompileErrorRejectsOnlyTheFixWhoseEditsItIsIn() throws IOException {
        Files.writeString(dir.resolve("Lookup.java"), SERVLET.replace("    void find(", """
                    void purge(HttpServletRequest request, Connection conn) throws SQLException {
                        String id = request.getParameter("id");
                        conn.createStatement().execute("DELETE FROM u WHERE id = '" + id + "'");
                    }

                    void find(""".stripLeading()));
        SourceSet sources = new SourceCollector(SourceCollector.Options.defaults()).collect(List.of(dir), Progress.NONE);
        JavaAnalyzer analyzer = new JavaAnalyzer();
        List<Finding> findings = analyzer.analyze(sources, AnalysisOptions.defaults(), Progress.NONE).findings();
        assertEquals(2, findings.size(), findings.toString());
        FixRecipe recipe = recipe(site -> {
            MethodInvocationTree call = (MethodInvocationTree) site.sink().getLeaf();
            boolean first = site.finding().location().startLine() == findings.get(0).location().startLine();
            // The first fix calls an overload that does not exist; the second is a correct constant query.
            return site.edits("constant", List.of(Edit.replace(site.start(call.getArguments().get(0)),
                    site.end(call.getArguments().get(0)), first ? "\"DELETE FROM t\", 1, 2" : "\"DELETE FROM t\"")));
        });
        FixVerifier.Outcome outcome = new FixVerifier(List.of(analyzer), AnalysisOptions.defaults())
                .verify(sources, findings, new FixEngine(List.of(recipe)).propose(sources, findings), FixVerifier.Mode.COMPILE);
        assertInstanceOf(FixProposal.NotFixable.class, outcome.proposals().get(0), outcome.toString());
        assertTrue(((FixProposal.NotFixable) outcome.proposals().get(0)).reason().contains("compile error"));
        assertInstanceOf(FixProposal.Edits.class, outcome.proposals().get(1), outcome.toString());
    }

    /** A fix that inserts an import before the class and replaces the SQL argument with an expression. */
    private static FixProposal replaceConcatenation(FixSite site, String importLine, String expression) {
        MethodInvocationTree call = (MethodInvocationTree) site.sink().getLeaf();
        int classStart = site.text().indexOf("public class");
        return site.edits("replace", List.of(Edit.insert(classStart, importLine),
                Edit.replace(site.start(call.getArguments().get(0)), site.end(call.getArguments().get(0)), expression)));
    }

    @Test
    void theRealRecipePassesAndFileUpdaterRefusesAFileChangedSinceAnalysis() throws IOException {
        Path file = dir.resolve("Lookup.java");
        Files.writeString(file, SERVLET);
        SourceSet sources = new SourceCollector(SourceCollector.Options.defaults()).collect(List.of(dir), Progress.NONE);
        List<Finding> findings = new JavaAnalyzer().analyze(sources, AnalysisOptions.defaults(), Progress.NONE).findings();
        FixVerifier.Outcome outcome = new FixVerifier(List.of(new JavaAnalyzer()), AnalysisOptions.defaults())
                .verify(sources, findings, new FixEngine().propose(sources, findings), FixVerifier.Mode.PARSE);
        assertInstanceOf(FixProposal.Edits.class, outcome.proposals().get(0), outcome.toString());

        Files.writeString(file, SERVLET.replace("DELETE", "delete"));
        FileUpdater.Report report = FileUpdater.apply(List.of(
                new FileUpdater.Change(sources.files().get(0), outcome.fixedTexts().get("Lookup.java"))));
        assertEquals(List.of(), report.written());
        assertTrue(report.refused().get("Lookup.java").contains("changed since it was analysed"), report.toString());
        assertEquals(SERVLET.replace("DELETE", "delete"), Files.readString(file), "the changed file is untouched");
    }

    private FixProposal verifyWith(Function<FixSite, FixProposal> recipe) throws IOException {
        return verifyWith(recipe, FixVerifier.Mode.PARSE, false);
    }

    private FixProposal verifyWith(Function<FixSite, FixProposal> recipe, FixVerifier.Mode mode, boolean accepted)
            throws IOException {
        Files.writeString(dir.resolve("Lookup.java"), SERVLET);
        SourceSet sources = new SourceCollector(SourceCollector.Options.defaults()).collect(List.of(dir), Progress.NONE);
        JavaAnalyzer analyzer = new JavaAnalyzer();
        List<Finding> findings = analyzer.analyze(sources, AnalysisOptions.defaults(), Progress.NONE).findings();
        assertEquals(1, findings.size(), findings.toString());
        List<FixProposal> proposals = new FixEngine(List.of(recipe(recipe))).propose(sources, findings);
        assertInstanceOf(FixProposal.Edits.class, proposals.get(0));
        FixVerifier.Outcome outcome = new FixVerifier(List.of(analyzer), AnalysisOptions.defaults())
                .verify(sources, findings, proposals, mode);
        if (!accepted) {
            assertEquals(java.util.Map.of(), outcome.fixedTexts(), "a rejected fix changes no file");
        }
        return outcome.proposals().get(0);
    }

    private static FixRecipe recipe(Function<FixSite, FixProposal> fix) {
        return new FixRecipe() {
            @Override
            public Set<String> ruleIds() {
                return Set.of("java/sql-injection");
            }

            @Override
            public FixProposal propose(FixSite site) {
                return fix.apply(site);
            }
        };
    }
}
