package fixes.cookie;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class LoginCookies {

    void login(HttpServletResponse response, String token) {
        Cookie session = new Cookie("SESSION", token);
        session.setPath("/");
        response.addCookie(session);
    }

    void theme(HttpServletResponse response, String theme) {
        Cookie cookie = new Cookie("theme", theme);
        cookie.setHttpOnly(false); // read by the page's script
        response.addCookie(cookie);
    }
}
