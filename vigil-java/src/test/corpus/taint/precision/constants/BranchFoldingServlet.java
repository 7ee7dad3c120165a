package corpus.taint.precision.constants;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/**
 * Conditions that constant propagation decides: the tainted value is assigned only on a branch that
 * cannot run, or is replaced by a constant before the sink. Each safe method has a twin whose condition
 * goes the other way.
 */
public class BranchFoldingServlet extends HttpServlet {

    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            intArithmeticDead(request, c);
            intArithmeticLive(request, c);
        } catch (SQLException e) {
            response.sendError(500);
        }
    }

    void intArithmeticDead(HttpServletRequest request, Connection c) throws SQLException {
        String param = request.getParameter("v");
        String bar = "fixed";
        int num = 106;
        if ((7 * 18) + num > 200) {
            bar = "This_should_always_happen";
        } else {
            bar = param;
        }
        c.createStatement().executeQuery("SELECT * FROM t WHERE c = '" + bar + "'"); // vigil: safe java/sql-injection
    }

    void intArithmeticLive(HttpServletRequest request, Connection c) throws SQLException {
        String param = request.getParameter("v");
        String bar = "fixed";
        int num = 106;
        if ((7 * 18) + num > 300) {
            bar = "This_should_never_happen";
        } else {
            bar = param;
        }
        c.createStatement().executeQuery("SELECT * FROM t WHERE c = '" + bar + "'"); // vigil: expect java/sql-injection
    }

    void longComparisonDead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        long limit = 1L << 40;
        String bar = limit > Integer.MAX_VALUE ? "constant" : param;
        response.getWriter().println(bar); // vigil: safe java/xss
    }

    void longComparisonLive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        long limit = 1L << 20;
        String bar = limit > Integer.MAX_VALUE ? "constant" : param;
        response.getWriter().println(bar); // vigil: expect java/xss
    }

    void booleanFlagDead(HttpServletRequest request) throws IOException {
        String param = request.getHeader("X-Cmd");
        boolean debug = false;
        String cmd = "uptime";
        if (debug && param != null) {
            cmd = param;
        }
        Runtime.getRuntime().exec(cmd); // vigil: safe java/command-injection
    }

    void booleanFlagLive(HttpServletRequest request) throws IOException {
        String param = request.getHeader("X-Cmd");
        boolean debug = !false;
        String cmd = "uptime";
        if (debug && param != null) {
            cmd = param;
        }
        Runtime.getRuntime().exec(cmd); // vigil: expect java/command-injection
    }

    void charComparisonDead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        char mode = 'B';
        String target = mode == 'A' ? param : "/home";
        response.sendRedirect(target); // vigil: safe java/open-redirect
    }

    void charComparisonLive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        char mode = 'A';
        String target = mode == 'A' ? param : "/home";
        response.sendRedirect(target); // vigil: expect java/open-redirect
    }

    void stringEqualsDead(HttpServletRequest request) {
        String param = request.getParameter("v");
        String mode = "prod";
        String value = "default";
        if (mode.equals("dev")) {
            value = param;
        }
        request.getSession().setAttribute("v", value); // vigil: safe java/trust-boundary-violation
    }

    void stringEqualsLive(HttpServletRequest request) {
        String param = request.getParameter("v");
        String mode = "dev";
        String value = "default";
        if (mode.equals("dev")) {
            value = param;
        }
        request.getSession().setAttribute("v", value); // vigil: expect java/trust-boundary-violation
    }

    void concatenatedConstantDead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String env = "pro" + "d";
        String shown = "prod".equals(env) ? "hidden" : param;
        response.getWriter().print(shown); // vigil: safe java/xss
    }

    void concatenatedConstantLive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String env = "de" + "v";
        String shown = "prod".equals(env) ? "hidden" : param;
        response.getWriter().print(shown); // vigil: expect java/xss
    }

    void overwrittenBeforeSink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String value = request.getParameter("v");
        value = "overwritten";
        response.setHeader("X-Value", value); // vigil: safe java/header-injection
    }

    void overwrittenAfterSink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String value = request.getParameter("v");
        response.setHeader("X-Value", value); // vigil: expect java/header-injection
        value = "overwritten";
    }

    void moduloDead(HttpServletRequest request) {
        String param = request.getParameter("v");
        int x = 17;
        String msg = x % 2 == 0 ? param : "odd";
        org.slf4j.LoggerFactory.getLogger("audit").info(msg); // vigil: safe java/log-injection
    }

    void moduloLive(HttpServletRequest request) {
        String param = request.getParameter("v");
        int x = 18;
        String msg = x % 2 == 0 ? param : "odd";
        org.slf4j.LoggerFactory.getLogger("audit").info(msg); // vigil: expect java/log-injection
    }

    void loopCounterDead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        int i = 0;
        String out = "none";
        while (i < 0) {
            out = param;
            i++;
        }
        response.getWriter().write(out); // vigil: safe java/xss
    }

    void loopCounterLive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        int i = 0;
        String out = "none";
        while (i < 1) {
            out = param;
            i++;
        }
        response.getWriter().write(out); // vigil: expect java/xss
    }
}
