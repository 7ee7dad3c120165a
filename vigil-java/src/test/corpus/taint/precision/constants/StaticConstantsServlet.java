package corpus.taint.precision.constants;

import java.io.IOException;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Static finals, effectively final fields and methods that return constants decide the branch. */
public class StaticConstantsServlet extends HttpServlet {

    static final boolean AUDIT_ENABLED = false;
    static final int MAX_DEPTH = 3;
    static final String MODE = "strict";

    private final int retries = 2;
    private DirContext directory;

    static boolean legacyMode() {
        return false;
    }

    static boolean modernMode() {
        return true;
    }

    static int pageSize() {
        return 20;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        staticFinalBoolean(request, response);
    }

    void staticFinalBoolean(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String shown = AUDIT_ENABLED ? param : "audit disabled";
        response.getWriter().println(shown); // vigil: safe java/xss
    }

    void staticFinalBooleanNegated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String shown = !AUDIT_ENABLED ? param : "audit disabled";
        response.getWriter().println(shown); // vigil: expect java/xss
    }

    void staticFinalInt(HttpServletRequest request) throws NamingException {
        String param = request.getParameter("uid");
        String filter = MAX_DEPTH > 5 ? "(uid=" + param + ")" : "(uid=guest)";
        directory.search("dc=example", filter, new SearchControls()); // vigil: safe java/ldap-injection
    }

    void staticFinalIntLive(HttpServletRequest request) throws NamingException {
        String param = request.getParameter("uid");
        String filter = MAX_DEPTH < 5 ? "(uid=" + param + ")" : "(uid=guest)";
        directory.search("dc=example", filter, new SearchControls()); // vigil: expect java/ldap-injection
    }

    void staticFinalString(HttpServletRequest request) {
        String param = request.getParameter("pattern");
        String regex = MODE.equals("lenient") ? param : "[a-z]+";
        java.util.regex.Pattern.compile(regex); // vigil: safe java/regex-injection
    }

    void staticFinalStringLive(HttpServletRequest request) {
        String param = request.getParameter("pattern");
        String regex = MODE.equals("strict") ? param : "[a-z]+";
        java.util.regex.Pattern.compile(regex); // vigil: expect java/regex-injection
    }

    void finalField(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        String target = retries > 5 ? param : "/retry";
        response.sendRedirect(target); // vigil: safe java/open-redirect
    }

    void finalFieldLive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        String target = retries > 1 ? param : "/retry";
        response.sendRedirect(target); // vigil: expect java/open-redirect
    }

    void constantMethod(HttpServletRequest request) {
        String param = request.getParameter("v");
        String value = legacyMode() ? param : "modern";
        request.getSession().setAttribute("mode", value); // vigil: safe java/trust-boundary-violation
    }

    void constantMethodLive(HttpServletRequest request) {
        String param = request.getParameter("v");
        String value = modernMode() ? param : "modern";
        request.getSession().setAttribute("mode", value); // vigil: expect java/trust-boundary-violation
    }

    void constantIntMethod(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String header = pageSize() * 5 == 100 ? "100" : param;
        response.setHeader("X-Page", header); // vigil: safe java/header-injection
    }

    void constantIntMethodLive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String header = pageSize() * 5 == 101 ? "100" : param;
        response.setHeader("X-Page", header); // vigil: expect java/header-injection
    }
}
