package fixes.linebreaks;

import java.util.logging.Logger;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class CookiesAndSuppliers {

    private static final Logger LOG = Logger.getLogger("audit");

    void language(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        Cookie c = new Cookie("lang", lang);
        c.setSecure(true);
        c.setHttpOnly(true);
        response.addCookie(c);
    }

    void theme(HttpServletRequest request, HttpServletResponse response) {
        // Refused: without the servlet jar the value's type is unknown, and so is what replaceAll would mean.
        response.addCookie(new Cookie("theme", request.getParameter("theme")));
    }

    void fixedCookie(HttpServletResponse response) {
        Cookie c = new Cookie("lang", "en");
        c.setSecure(true);
        c.setHttpOnly(true);
        response.addCookie(c);
    }

    void referer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        LOG.severe(() -> "hotlink from " + referer);
    }

    void fixedSupplier() {
        LOG.severe(() -> "hotlink");
    }
}
