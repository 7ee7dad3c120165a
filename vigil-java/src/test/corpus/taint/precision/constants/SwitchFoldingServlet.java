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
        String nickname = request.getParameter("nickname");
        String plans = "FSPE";
        char plan = plans.charAt(1);
        String greeting;
        switch (plan) {
            case 'F':
                greeting = "Hi " + nickname;
                break;
            case 'S':
                greeting = "Welcome back";
                break;
            case 'P':
            case 'E':
                greeting = "Dear " + nickname;
                break;
            default:
                greeting = "Hello";
                break;
        }
        response.getWriter().println(greeting); // vigil: safe java/xss
    }

    void charSwitchVulnerable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nickname = request.getParameter("nickname");
        String plans = "FSPE";
        char plan = plans.charAt(2);
        String greeting;
        switch (plan) {
            case 'F':
                greeting = "Hi " + nickname;
                break;
            case 'S':
                greeting = "Welcome back";
                break;
            case 'P':
            case 'E':
                greeting = "Dear " + nickname;
                break;
            default:
                greeting = "Hello";
                break;
        }
        response.getWriter().println(greeting); // vigil: expect java/xss
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
