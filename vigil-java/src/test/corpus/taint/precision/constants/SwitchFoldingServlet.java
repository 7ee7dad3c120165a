package corpus.taint.precision.constants;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** switch statements and switch expressions on constants: ints, chars and strings. */
public class SwitchFoldingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        charSwitchSafe(request, response);
        charSwitchVulnerable(request, response);
    }

    void charSwitchSafe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String guess = "ABC";
        char switchTarget = guess.charAt(1);
        String bar;
        switch (switchTarget) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bob";
                break;
            case 'C':
            case 'D':
                bar = param;
                break;
            default:
                bar = "bob's your uncle";
                break;
        }
        response.getWriter().println(bar); // vigil: safe java/xss
    }

    void charSwitchVulnerable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String guess = "ABC";
        char switchTarget = guess.charAt(2);
        String bar;
        switch (switchTarget) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bob";
                break;
            case 'C':
            case 'D':
                bar = param;
                break;
            default:
                bar = "bob's your uncle";
                break;
        }
        response.getWriter().println(bar); // vigil: expect java/xss
    }

    void intSwitchExpressionSafe(HttpServletRequest request) throws IOException {
        String param = request.getParameter("host");
        int level = 2;
        String cmd = switch (level) {
            case 1 -> "ping -c 1 " + param;
            case 2 -> "ping -c 1 localhost";
            default -> "true";
        };
        Runtime.getRuntime().exec(cmd); // vigil: safe java/command-injection
    }

    void intSwitchExpressionVulnerable(HttpServletRequest request) throws IOException {
        String param = request.getParameter("host");
        int level = 1;
        String cmd = switch (level) {
            case 1 -> "ping -c 1 " + param;
            case 2 -> "ping -c 1 localhost";
            default -> "true";
        };
        Runtime.getRuntime().exec(cmd); // vigil: expect java/command-injection
    }

    void stringSwitchSafe(HttpServletRequest request) throws IOException {
        String param = request.getParameter("file");
        String kind = "report";
        String path;
        switch (kind) {
            case "upload" -> path = "/srv/uploads/" + param;
            case "report" -> path = "/srv/reports/latest.pdf";
            default -> path = "/srv/empty";
        }
        new java.io.FileInputStream(path).close(); // vigil: safe java/path-traversal
    }

    void stringSwitchVulnerable(HttpServletRequest request) throws IOException {
        String param = request.getParameter("file");
        String kind = "upload";
        String path;
        switch (kind) {
            case "upload" -> path = "/srv/uploads/" + param;
            case "report" -> path = "/srv/reports/latest.pdf";
            default -> path = "/srv/empty";
        }
        new java.io.FileInputStream(path).close(); // vigil: expect java/path-traversal
    }

    void yieldSwitchSafe(HttpServletRequest request) throws ReflectiveOperationException {
        String param = request.getParameter("cls");
        char c = "xyz".charAt(0);
        String name = switch (c) {
            case 'x': yield "java.lang.StringBuilder";
            case 'y': yield param;
            default: yield "java.lang.Object";
        };
        Class.forName(name); // vigil: safe java/unsafe-reflection
    }

    void yieldSwitchVulnerable(HttpServletRequest request) throws ReflectiveOperationException {
        String param = request.getParameter("cls");
        char c = "xyz".charAt(1);
        String name = switch (c) {
            case 'x': yield "java.lang.StringBuilder";
            case 'y': yield param;
            default: yield "java.lang.Object";
        };
        Class.forName(name); // vigil: expect java/unsafe-reflection
    }

    void defaultBranchSafe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        int code = 404;
        String target = switch (code) {
            case 200 -> param;
            case 302 -> param;
            default -> "/error";
        };
        response.sendRedirect(target); // vigil: safe java/open-redirect
    }

    void defaultBranchVulnerable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        int code = 302;
        String target = switch (code) {
            case 200 -> param;
            case 302 -> param;
            default -> "/error";
        };
        response.sendRedirect(target); // vigil: expect java/open-redirect
    }
}
