package corpus.taint.redirect.login;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** After login the user goes "back"; where back is must not be the client's choice. */
public class ReturnUrlServlet extends HttpServlet {

    private static final Map<String, String> DESTINATIONS = Map.of(
            "home", "/app/home",
            "billing", "/app/billing");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        response.sendRedirect(next); // vigil: expect java/open-redirect
    }

    void byKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        response.sendRedirect(DESTINATIONS.getOrDefault(next, "/app/home")); // vigil: safe java/open-redirect
    }

    void withQuery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String term = request.getParameter("term");
        response.sendRedirect("/app/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8)); // vigil: safe java/open-redirect
    }

    void withHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        response.sendRedirect("https://" + host + "/app/home"); // vigil: expect java/open-redirect
    }

    void locationHeader(HttpServletRequest request, HttpServletResponse response) {
        String next = request.getHeader("Referer");
        response.setStatus(302);
        response.setHeader("Location", next); // vigil: expect java/open-redirect
    }

    void locationHeaderFixed(HttpServletRequest request, HttpServletResponse response) {
        String next = request.getHeader("Referer");
        response.setStatus(302);
        response.setHeader("Location", next != null && next.isEmpty() ? "/app/home" : "/app/start"); // vigil: safe java/open-redirect
    }

    void addLocation(HttpServletRequest request, HttpServletResponse response) {
        String next = request.getPathInfo();
        response.setStatus(303);
        response.addHeader("Location", "//" + next); // vigil: expect java/open-redirect
    }

    void relativeOnly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (!next.matches("/[a-z][a-z/]*")) {
            next = "/app/home";
        }
        response.sendRedirect(next); // vigil: safe java/open-redirect
    }
}
