package dev.vigil.java.taint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.JavaAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TaintEngineTest {

    static AnalysisResult analyze(Set<String> threatModels, String... pathsAndTexts) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new SourceFile(Path.of("/tmp/" + pathsAndTexts[i]), pathsAndTexts[i], pathsAndTexts[i + 1],
                    StandardCharsets.UTF_8, false, "\n"));
        }
        return new JavaAnalyzer().analyze(new SourceSet(Path.of("/nonexistent-vigil-base"), files, List.of(), List.of()),
                new AnalysisOptions(threatModels, List.of(), 1), Progress.NONE);
    }

    /** "rule@line" for every finding, sorted. */
    static Set<String> found(AnalysisResult r) {
        Set<String> out = new TreeSet<>();
        for (Finding f : r.findings()) {
            out.add(f.ruleId().substring(5) + "@" + f.location().startLine());
        }
        return out;
    }

    @Test
    void servletFlowsAndLookAlikes() {
        AnalysisResult r = analyze(Set.of("remote"), "a/Servlet.java", """
                package a;
                import java.sql.*;
                import javax.servlet.http.*;
                public class Servlet extends HttpServlet {
                    private Connection conn;
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
                        String name = req.getParameter("name");
                        Statement st = conn.createStatement();
                        st.executeQuery("SELECT * FROM u WHERE n = '" + name + "'");
                        StringBuilder sb = new StringBuilder("SELECT * FROM u WHERE n = '");
                        sb.append(name).append("'");
                        st.execute(sb.toString());
                        PreparedStatement ps = conn.prepareStatement("SELECT * FROM u WHERE n = ?");
                        ps.setString(1, name);
                        String safe = "constant";
                        st.executeQuery("SELECT " + safe);
                        int id = Integer.parseInt(name);
                        st.executeQuery("SELECT * FROM u WHERE id = " + id);
                        String bar = name;
                        if ((7 * 42) - 86 > 200) bar = "safe"; else bar = name;
                        st.executeQuery(bar);
                        String baz = name;
                        if ((7 * 42) - 86 < 200) baz = "safe";
                        st.executeQuery(baz);
                        resp.getWriter().println(name);
                        resp.getWriter().println(org.owasp.encoder.Encode.forHtml(name));
                        System.out.println(name);
                    }
                }
                """);
        assertEquals(Set.of("sql-injection@9", "sql-injection@12", "sql-injection@24", "xss@25"), found(r),
                r.findings().toString());
    }

    @Test
    void interproceduralThroughServiceAndDao() {
        AnalysisResult r = analyze(Set.of("remote"),
                "a/Controller.java", """
                package a;
                import org.springframework.web.bind.annotation.*;
                @RestController
                public class Controller {
                    private final Service service = new Service();
                    @GetMapping("/find")
                    public String find(@RequestParam String name) {
                        return service.lookup(name, "x");
                    }
                    @GetMapping("/safe")
                    public String safe(@RequestParam String name) {
                        return service.lookup("fixed", name);
                    }
                }
                """,
                "a/Service.java", """
                package a;
                class Service {
                    private final Dao dao = new Dao();
                    String lookup(String name, String other) {
                        String q = "SELECT * FROM t WHERE n = '" + name + "'";
                        return dao.run(q);
                    }
                }
                """,
                "a/Dao.java", """
                package a;
                import java.sql.*;
                class Dao {
                    Connection c;
                    String run(String sql) {
                        try {
                            c.createStatement().executeQuery(sql);
                        } catch (SQLException e) {
                            throw new RuntimeException(e);
                        }
                        return "ok";
                    }
                }
                """);
        assertEquals(Set.of("sql-injection@7"), found(r), r.findings().toString());
        Finding f = r.findings().get(0);
        assertEquals("a/Dao.java", f.location().file());
        assertEquals("a/Controller.java", f.flow().get(0).location().file());
    }

    @Test
    void jakartaServletWriterIsAnXssSink() {
        AnalysisResult r = analyze(Set.of("remote"), "j/Echo.java", """
                package j;
                import jakarta.servlet.http.*;
                public class Echo extends HttpServlet {
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                        String q = req.getParameter("q");
                        java.io.PrintWriter out = resp.getWriter();
                        out.println("<p>" + q + "</p>");
                        resp.getWriter().println(org.owasp.encoder.Encode.forHtml(q));
                    }
                }
                """);
        assertEquals(Set.of("xss@7"), found(r), r.findings().toString());
    }

    @Test
    void projectValidatorMethodsGuardLikeTheirCondition() {
        AnalysisResult r = analyze(Set.of("remote"), "v/Tools.java", """
                package v;
                import java.util.Set;
                import javax.servlet.http.*;
                public class Tools extends HttpServlet {
                    private static final Set<String> ALLOWED = Set.of("ls", "df");
                    private static boolean isAllowed(String command) {
                        return ALLOWED.contains(command);
                    }
                    private static boolean isBlankish(String command) {
                        return command.isEmpty();
                    }
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
                        String c = req.getParameter("c");
                        if (!isAllowed(c)) {
                            return;
                        }
                        Runtime.getRuntime().exec(c);
                    }
                    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws Exception {
                        String c = req.getParameter("c");
                        if (isBlankish(c)) {
                            return;
                        }
                        Runtime.getRuntime().exec(c);
                    }
                }
                """);
        assertEquals(Set.of("command-injection@24"), found(r), r.findings().toString());
    }

    @Test
    void reflectiveFactoryWithAConstantClassNameDispatchesToThatClass() {
        AnalysisResult r = analyze(Set.of("remote"),
                "f/Thing.java", "package f; public interface Thing { String apply(String s); }",
                "f/Echo.java", "package f; public class Echo implements Thing { public String apply(String s) { return s; } }",
                "f/Fixed.java", "package f; public class Fixed implements Thing { public String apply(String s) { return \"fixed\"; } }",
                "f/Page.java", """
                package f;
                import javax.servlet.http.*;
                public class Page extends HttpServlet {
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
                        String v = req.getParameter("v");
                        Thing safe = (Thing) Class.forName("f.Fixed").getDeclaredConstructor().newInstance();
                        resp.getWriter().println(safe.apply(v));
                        Thing echo = (Thing) Class.forName("f.Echo").getDeclaredConstructor().newInstance();
                        resp.getWriter().append("<p>").append(echo.apply(v));
                    }
                }
                """);
        assertEquals(Set.of("xss@9"), found(r), r.findings().toString());
    }
}
