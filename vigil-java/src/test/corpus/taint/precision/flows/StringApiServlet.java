package corpus.taint.precision.flows;

import java.io.IOException;
import java.util.Locale;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Taint through the String API; each twin keeps only what the attacker does not control. */
public class StringApiServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String csv = request.getParameter("csv");
        String[] parts = csv.split(",");
        response.getWriter().println("<li>" + parts[0] + "</li>"); // vigil: expect java/xss
        response.getWriter().println("<li>" + parts.length + " parts</li>"); // vigil: safe java/xss
    }

    void concatenated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.sendRedirect("/users/".concat(name)); // vigil: safe java/open-redirect
        response.setHeader("X-User", "u-".concat(name)); // vigil: expect java/header-injection
    }

    void concatenatedAsPrefix(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        response.sendRedirect(host.concat("/users/")); // vigil: expect java/open-redirect
    }

    void substringKept(HttpServletRequest request) throws ReflectiveOperationException {
        String cls = request.getParameter("cls");
        Class.forName(cls.substring(0, cls.length() - 1)); // vigil: expect java/unsafe-reflection
    }

    void substringOfConstant(HttpServletRequest request) throws ReflectiveOperationException {
        String cls = request.getParameter("cls");
        Class.forName("java.util.ArrayList".substring(0, Math.min(19, cls.length() + 19))); // vigil: safe java/unsafe-reflection
    }

    void upperCased(HttpServletRequest request) {
        String code = request.getParameter("code");
        request.getSession().setAttribute("code", code.toUpperCase(Locale.ROOT).strip()); // vigil: expect java/trust-boundary-violation
    }

    void comparedOnly(HttpServletRequest request) {
        String code = request.getParameter("code");
        request.getSession().setAttribute("vip", code.equalsIgnoreCase("VIP")); // vigil: safe java/trust-boundary-violation
    }

    void repeated(HttpServletRequest request) {
        String sep = request.getParameter("sep");
        java.util.regex.Pattern.compile("a" + sep.repeat(2) + "b"); // vigil: expect java/regex-injection
    }

    void repeatedConstant(HttpServletRequest request) {
        String sep = request.getParameter("sep");
        java.util.regex.Pattern.compile("a" + "-".repeat(Math.min(3, sep.length())) + "b"); // vigil: safe java/regex-injection
    }

    void fromChars(HttpServletRequest request, HttpServletResponse response) throws IOException {
        char[] chars = request.getParameter("word").toCharArray();
        response.getWriter().print(String.valueOf(chars)); // vigil: expect java/xss
    }

    void fromCharCount(HttpServletRequest request, HttpServletResponse response) throws IOException {
        char[] chars = request.getParameter("word").toCharArray();
        response.getWriter().print(String.valueOf(chars.length)); // vigil: safe java/xss
    }

    void indexOfOnly(HttpServletRequest request) {
        String path = request.getParameter("path");
        int slash = path.indexOf('/');
        org.slf4j.LoggerFactory.getLogger(StringApiServlet.class).info("first slash at " + slash); // vigil: safe java/log-injection
    }

    void afterSlash(HttpServletRequest request) {
        String path = request.getParameter("path");
        int slash = path.indexOf('/');
        org.slf4j.LoggerFactory.getLogger(StringApiServlet.class).info("tail " + path.substring(slash + 1)); // vigil: expect java/log-injection
    }
}
