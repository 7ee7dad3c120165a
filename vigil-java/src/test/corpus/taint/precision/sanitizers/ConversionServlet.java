package corpus.taint.precision.sanitizers;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;
import org.owasp.esapi.ESAPI;
import org.owasp.esapi.errors.IntrusionException;
import org.owasp.esapi.errors.ValidationException;

/** Conversions and validators that leave nothing of the attacker's text, each beside the raw twin. */
public class ConversionServlet extends HttpServlet {

    private DataSource dataSource;
    private String tableName = "audit_events"; // never reassigned: effectively final

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        booleanConverted(request, response);
        booleanRaw(request, response);
    }

    void booleanConverted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean flag = Boolean.parseBoolean(request.getParameter("flag"));
        response.getWriter().println("<p>flag=" + flag + "</p>"); // vigil: safe java/xss
    }

    void booleanRaw(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String flag = request.getParameter("flag");
        response.getWriter().println("<p>flag=" + flag + "</p>"); // vigil: expect java/xss
    }

    void doubleConverted(HttpServletRequest request) throws SQLException {
        Double amount = Double.valueOf(request.getParameter("amount"));
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("UPDATE " + tableName + " SET amount = " + amount); // vigil: safe java/sql-injection
        }
    }

    void doubleRaw(HttpServletRequest request) throws SQLException {
        String amount = request.getParameter("amount");
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("UPDATE " + tableName + " SET amount = " + amount); // vigil: expect java/sql-injection
        }
    }

    void shortHex(HttpServletRequest request, HttpServletResponse response) {
        short s = Short.parseShort(request.getHeader("X-Code"));
        response.setHeader("X-Code", Integer.toHexString(s)); // vigil: safe java/header-injection
    }

    void shortHexRaw(HttpServletRequest request, HttpServletResponse response) {
        String s = request.getHeader("X-Code");
        response.setHeader("X-Code", s.toLowerCase()); // vigil: expect java/header-injection
    }

    void uuidRedirect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID id = UUID.fromString(request.getParameter("order"));
        response.sendRedirect("/orders/" + id); // vigil: safe java/open-redirect
    }

    void uuidRedirectRaw(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("order");
        response.sendRedirect(id + "/orders"); // vigil: expect java/open-redirect
    }

    void esapiValidated(HttpServletRequest request) throws ValidationException, IntrusionException {
        String user = ESAPI.validator().getValidInput("user", request.getParameter("user"), "SafeString", 64, false);
        request.getSession().setAttribute("user", user); // vigil: safe java/trust-boundary-violation
    }

    void esapiUnvalidated(HttpServletRequest request) {
        String user = request.getParameter("user");
        request.getSession().setAttribute("user", user.substring(0, Math.min(64, user.length()))); // vigil: expect java/trust-boundary-violation
    }

    void commonsLangEscaped(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        response.getWriter().write("<em>" + org.apache.commons.lang3.StringEscapeUtils.escapeHtml4(q) + "</em>"); // vigil: safe java/xss
    }

    void commonsLangJava(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        response.getWriter().write("<em>" + org.apache.commons.lang3.StringEscapeUtils.escapeJava(q) + "</em>"); // vigil: expect java/xss
    }

    void charConverted(HttpServletRequest request) throws IOException {
        char drive = request.getParameter("drive").charAt(0);
        Runtime.getRuntime().exec(new String[] {"ls", Character.isLetter(drive) ? "/mnt/a" : "/mnt/b"}); // vigil: safe java/command-injection
    }

    void charConcatenated(HttpServletRequest request) throws IOException {
        char drive = request.getParameter("drive").charAt(0);
        Runtime.getRuntime().exec("ls /mnt/" + drive); // vigil: expect java/command-injection
    }
}
