package fixes.redirect;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Properties;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.Response;

public class UriAndConditionalTargets {

    private final Properties props = new Properties();

    void mode(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        String mode = props.getProperty("redirect.mode.v2", "param");
        String target = mode.equals("param") ? param : "/home";
        response.sendRedirect(target != null && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/");
    }

    void withHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        // Allow-list of other trusted hosts (none yet; add them here): any other host becomes this site's own.
        response.sendRedirect("https://" + (Arrays.asList().contains(host) ? host : request.getServerName()) + "/app/home");
    }

    void protocolRelative(HttpServletRequest request, HttpServletResponse response) {
        String next = request.getPathInfo();
        response.setStatus(303);
        // Allow-list of other trusted hosts (none yet; add them here): any other host becomes this site's own.
        response.addHeader("Location", "//" + (Arrays.asList().contains(next) ? next : request.getServerName()));
    }

    void fixedHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getParameter("path");
        response.sendRedirect("https://example.com/" + path);
    }

    Response seeOther(HttpServletRequest request) {
        String next = request.getParameter("next");
        return Response.seeOther(URI.create(next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/")).build();
    }

    void subdomain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Refused: the value is only part of the host.
        String tenant = request.getParameter("tenant");
        response.sendRedirect("https://" + tenant + ".example.com/home");
    }

    void withPort(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        // Allow-list of other trusted hosts (none yet; add them here): any other host becomes this site's own.
        response.sendRedirect("https://" + (Arrays.asList().contains(host) ? host : request.getServerName()) + ":8443/app/home");
    }
}
