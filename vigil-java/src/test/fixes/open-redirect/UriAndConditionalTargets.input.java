package fixes.redirect;

import java.io.IOException;
import java.net.URI;
import java.util.Properties;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.Response;

public class UriAndConditionalTargets {

    private final Properties props = new Properties();

    void mode(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        String mode = props.getProperty("redirect.mode.v2", "param");
        response.sendRedirect(mode.equals("param") ? param : "/home");
    }

    void withHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        response.sendRedirect("https://" + host + "/app/home");
    }

    void protocolRelative(HttpServletRequest request, HttpServletResponse response) {
        String next = request.getPathInfo();
        response.setStatus(303);
        response.addHeader("Location", "//" + next);
    }

    void fixedHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getParameter("path");
        response.sendRedirect("https://example.com/" + path);
    }

    Response seeOther(HttpServletRequest request) {
        String next = request.getParameter("next");
        return Response.seeOther(URI.create(next)).build();
    }

    void subdomain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Refused: the value is only part of the host.
        String tenant = request.getParameter("tenant");
        response.sendRedirect("https://" + tenant + ".example.com/home");
    }

    void withPort(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        response.sendRedirect("https://" + host + ":8443/app/home");
    }
}
