package fixes.redirect;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class ReturnUrls extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (request.getParameter("header") != null) {
            response.setHeader("Location", next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/");
            response.setStatus(302);
            return;
        }
        response.sendRedirect(next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Logged in: back to where the user came from.
        String target = request.getParameter("returnTo");
        response.sendRedirect(target != null && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/");
    }

    void toTenant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // An absolute URL by design: only a host allow-list fits, so this is refused.
        response.sendRedirect("https://" + request.getParameter("tenant") + ".example.com/");
    }
}
