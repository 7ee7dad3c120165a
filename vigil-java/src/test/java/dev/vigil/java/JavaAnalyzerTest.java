package dev.vigil.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaAnalyzerTest {

    private static AnalysisResult analyze(String... pathsAndTexts) {
        List<SourceFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new SourceFile(Path.of("/tmp/" + pathsAndTexts[i]), pathsAndTexts[i], pathsAndTexts[i + 1],
                    StandardCharsets.UTF_8, false, "\n"));
        }
        return new JavaAnalyzer().analyze(new SourceSet(Path.of("/tmp"), files, List.of(), List.of()),
                AnalysisOptions.defaults(), Progress.NONE);
    }

    @Test
    void reportsWeakHashThroughConstantsAndMissingLibraries() {
        AnalysisResult r = analyze("a/Hashes.java", """
                package a;
                import java.security.MessageDigest;
                import org.apache.commons.codec.digest.DigestUtils;
                class Hashes {
                    static final String ALG = "M" + "D5";
                    byte[] md5(byte[] in) throws Exception {
                        return MessageDigest.getInstance(ALG).digest(in);
                    }
                    byte[] sha(byte[] in) throws Exception {
                        return MessageDigest.getInstance("SHA-256").digest(in);
                    }
                    String codec(String s) {
                        return DigestUtils.md5Hex(s);
                    }
                }
                """);
        List<Finding> f = r.findings();
        assertEquals(List.of(7, 13), f.stream().map(x -> x.location().startLine()).toList(), f.toString());
        assertEquals("Hashes.md5", f.get(0).enclosingMethod());
        assertEquals(328, f.get(0).cwe());
    }

    @Test
    void syntaxErrorIsANotificationAndOtherFilesAreStillAnalyzed() {
        AnalysisResult r = analyze(
                "a/Broken.java", "package a; class Broken { void m( { }",
                "a/Ok.java", """
                package a;
                class Ok { void m() throws Exception { java.security.MessageDigest.getInstance("MD5"); } }
                """);
        assertEquals(1, r.findings().size());
        assertTrue(r.notifications().stream().anyMatch(n -> "a/Broken.java".equals(n.file())
                && n.message().contains("syntax error")), r.notifications().toString());
    }

    @Test
    void suppressWarningsMarksTaintAndCheckFindingsAsSuppressed() {
        AnalysisResult r = analyze("a/Svc.java", """
                package a;
                import javax.servlet.http.*;
                class Svc {
                    java.sql.Connection conn;
                    @SuppressWarnings("vigil:java/sql-injection")
                    void query(HttpServletRequest req) throws Exception {
                        conn.createStatement().executeQuery("SELECT " + req.getParameter("c"));
                    }
                    @SuppressWarnings({"unchecked", "vigil:all"})
                    byte[] legacyChecksum(byte[] in) throws Exception {
                        return java.security.MessageDigest.getInstance("MD5").digest(in);
                    }
                    void open(HttpServletRequest req) throws Exception {
                        conn.createStatement().executeQuery("SELECT " + req.getParameter("d"));
                    }
                }
                """);
        assertEquals(3, r.findings().size(), r.findings().toString());
        assertEquals(List.of(true, true, false), r.findings().stream().map(Finding::isSuppressed).toList());
    }
}
