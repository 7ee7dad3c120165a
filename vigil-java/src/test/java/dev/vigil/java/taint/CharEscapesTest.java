package dev.vigil.java.taint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.core.scan.AnalysisResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Escaping written as single-character replacements is recognized by what it replaces, not by name. */
class CharEscapesTest {

    @Test
    void replacementChainsSanitizeOnlyWhenEveryDangerousCharacterIsEscaped() {
        AnalysisResult r = TaintEngineTest.analyze(Set.of("remote"), "a/S.java", """
                package a;
                import javax.naming.directory.*;
                import javax.servlet.http.*;
                public class S extends HttpServlet {
                    private DirContext ctx;
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
                        String a = req.getParameter("a");
                        resp.getWriter().println("<p>" + html(a) + "</p>");
                        resp.getWriter().println("<p>" + missingQuote(a) + "</p>");
                        resp.getWriter().println("<p>" + html(a).replace("&lt;", "<") + "</p>");
                        resp.getWriter().println("<p>" + html(a).replace('x', '\\'') + "</p>");
                        resp.getWriter().println("<p>" + html(a).replaceAll("x", "y") + "</p>");
                        resp.getWriter().println("<p>" + html(a).replace("\\n", "") + "</p>");
                        resp.getWriter().println("<p>" + a.replace('<', ' ').replace('>', ' ') + "</p>");
                        ctx.search("dc=x", "(uid=" + ldap(a) + ")", new SearchControls());
                        ctx.search("dc=x", "(uid=" + html(a) + ")", new SearchControls());
                        ctx.search("dc=x", "(uid=" + a.replace("*", "\\\\2a").replace("(", "\\\\28").replace(")", "\\\\29") + ")", new SearchControls());
                    }
                    private static String html(String s) {
                        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\"", "&quot;").replace("'", "&#39;");
                    }
                    private static String missingQuote(String s) {
                        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\"", "&quot;");
                    }
                    private static String ldap(String s) {
                        return s.replace("\\\\", "\\\\5c").replace("*", "\\\\2a").replace("(", "\\\\28").replace(")", "\\\\29")
                                .replace("\\0", "\\\\00").replace(",", "\\\\2c").replace("+", "\\\\2b").replace("\\"", "\\\\22")
                                .replace("<", "\\\\3c").replace(">", "\\\\3e").replace(";", "\\\\3b").replace("=", "\\\\3d")
                                .replace("#", "\\\\23");
                    }
                }
                """);
        assertEquals(Set.of("xss@9", "xss@10", "xss@11", "xss@12", "xss@14", "ldap-injection@16",
                "ldap-injection@17"), TaintEngineTest.found(r), r.findings().toString());
    }
}
