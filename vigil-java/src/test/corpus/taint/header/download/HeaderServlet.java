package corpus.taint.header.download;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Response headers and cookies carrying request data (response splitting). */
public class HeaderServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\""); // vigil: expect java/header-injection
        response.setHeader("Content-Disposition", "attachment; filename=\"" // vigil: safe java/header-injection
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "\"");
    }

    void traceId(HttpServletRequest request, HttpServletResponse response) {
        String trace = request.getHeader("X-Trace-Id");
        response.addHeader("X-Trace-Id", trace); // vigil: expect java/header-injection
    }

    void traceIdUuid(HttpServletRequest request, HttpServletResponse response) {
        String trace = request.getHeader("X-Trace-Id");
        response.addHeader("X-Trace-Id", java.util.UUID.fromString(trace).toString()); // vigil: safe java/header-injection
    }

    void languageCookie(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        Cookie c = new Cookie("lang", lang);
        c.setSecure(true);
        c.setHttpOnly(true);
        response.addCookie(c); // vigil: expect java/header-injection
    }

    void languageCookieChecked(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        Cookie c = new Cookie("lang", "de".equals(lang) ? "de" : "en");
        c.setSecure(true);
        c.setHttpOnly(true);
        response.addCookie(c); // vigil: safe java/header-injection
    }

    void retryAfter(HttpServletRequest request, HttpServletResponse response) {
        String seconds = request.getParameter("retry");
        response.setHeader("Retry-After", seconds); // vigil: expect java/header-injection
    }

    void retryAfterParsed(HttpServletRequest request, HttpServletResponse response) {
        String seconds = request.getParameter("retry");
        response.setIntHeader("Retry-After", Integer.parseInt(seconds));
        response.setHeader("X-Retry", String.valueOf(Integer.parseInt(seconds))); // vigil: safe java/header-injection
    }

    void stripped(HttpServletRequest request, HttpServletResponse response) {
        String tag = request.getParameter("tag");
        response.setHeader("X-Tag", tag.replaceAll("[\\r\\n]", "")); // vigil: safe java/header-injection
    }

    void trimmedOnly(HttpServletRequest request, HttpServletResponse response) {
        String tag = request.getParameter("tag");
        response.setHeader("X-Tag", tag.trim()); // vigil: expect java/header-injection
    }
}
