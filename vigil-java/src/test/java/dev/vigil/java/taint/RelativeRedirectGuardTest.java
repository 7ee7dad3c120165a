package dev.vigil.java.taint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A redirect target is a path on this site only where all three slash checks passed. */
class RelativeRedirectGuardTest {

    @Test
    void onlyTheFullRelativePathCheckSanitizesARedirect() {
        var r = TaintEngineTest.analyze(Set.of("remote"), "a/Redirects.java", """
                package a;
                import javax.servlet.http.*;
                public class Redirects extends HttpServlet {
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
                        String next = req.getParameter("next");
                        resp.sendRedirect(next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\\\") ? next : "/");
                        resp.sendRedirect(next.startsWith("/") ? next : "/");
                        resp.sendRedirect(next.startsWith("/") && !next.startsWith("//") ? next : "/");
                        if (next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\\\")) {
                            resp.sendRedirect(next);
                        } else {
                            resp.sendRedirect(next);
                        }
                        String other = req.getParameter("other");
                        resp.sendRedirect(next.startsWith("/") && !other.startsWith("//") && !other.startsWith("/\\\\") ? next : "/");
                    }
                }
                """);
        assertEquals(Set.of("open-redirect@7", "open-redirect@8", "open-redirect@12", "open-redirect@15"),
                TaintEngineTest.found(r));
    }
}
