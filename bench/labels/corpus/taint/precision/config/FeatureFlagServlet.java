package corpus.taint.precision.config;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/**
 * Behaviour switched by featureflags.properties (in this folder). With the file's values known, the
 * branch that uses the request data is dead for some switches and live for others.
 */
public class FeatureFlagServlet extends HttpServlet {

    private final Properties props = new Properties();
    private DataSource dataSource;

    @Override
    public void init() throws ServletException {
        try (InputStream in = FeatureFlagServlet.class.getResourceAsStream("featureflags.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        rawSqlDisabled(request, response);
        echoEnabled(request, response);
    }

    void rawSqlDisabled(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("where");
        String raw = props.getProperty("feature.raw-sql", "true");
        String sql = "true".equals(raw) ? "SELECT * FROM t WHERE " + param : "SELECT * FROM t";
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeQuery(sql).close();
        } catch (SQLException e) {
            response.sendError(500);
        }
    }

    void rawSqlUnknownKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("where");
        String raw = props.getProperty("feature.raw-sql-v2", "true");
        String sql = "true".equals(raw) ? "SELECT * FROM t WHERE " + param : "SELECT * FROM t";
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeQuery(sql).close();
        } catch (SQLException e) {
            response.sendError(500);
        }
    }

    void echoEnabled(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("name");
        boolean echo = Boolean.parseBoolean(props.getProperty("feature.echo-name", "false"));
        response.getWriter().println(echo ? param : "Hello");
    }

    void echoDisabledByRawSqlFlag(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("name");
        boolean echo = Boolean.parseBoolean(props.getProperty("feature.raw-sql", "true"));
        response.getWriter().println(echo ? param : "Hello");
    }

    void traceLevelLow(HttpServletRequest request) {
        String param = request.getHeader("X-Debug");
        int level = Integer.parseInt(props.getProperty("feature.trace.level", "9"));
        String message = level > 5 ? "trace " + param : "trace suppressed";
        org.slf4j.LoggerFactory.getLogger("trace").info(message);
    }

    void traceLevelHigh(HttpServletRequest request) {
        String param = request.getHeader("X-Debug");
        int level = Integer.parseInt(props.getProperty("feature.trace.level", "9"));
        String message = level > 1 ? "trace " + param : "trace suppressed";
        org.slf4j.LoggerFactory.getLogger("trace").info(message);
    }

    void configuredCommand(HttpServletRequest request) throws IOException {
        String file = request.getParameter("file");
        String tool = props.getProperty("export.command", "/usr/bin/true");
        new ProcessBuilder(tool, "/srv/exports/current.pdf").start();
    }

    void configuredCommandWithInput(HttpServletRequest request) throws IOException {
        String file = request.getParameter("file");
        String tool = props.getProperty("export.command", "/usr/bin/true");
        new ProcessBuilder(tool, file).start();
    }

    void redirectModeFixed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        String mode = props.getProperty("redirect.mode", "param");
        response.sendRedirect(mode.equals("param") ? param : "/home");
    }

    void redirectModeMissingKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        String mode = props.getProperty("redirect.mode.v2", "param");
        response.sendRedirect(mode.equals("param") ? param : "/home");
    }
}
