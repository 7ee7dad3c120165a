package fixes.cookie;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;

public class CookieForms {

    void explicitlyOff(HttpServletResponse response, String token) {
        Cookie session = new Cookie("SESSION", token);
        session.setSecure(true);
        session.setHttpOnly(true);
        response.addCookie(session);
    }

    void csrf(HttpServletResponse response, String token) {
        // The page's script sends this one back: HttpOnly stays off (refused), Secure is set.
        Cookie csrf = new Cookie("XSRF-TOKEN", token);
        csrf.setHttpOnly(false);
        csrf.setSecure(true);
        response.addCookie(csrf);
    }

    String builder(String token) {
        return ResponseCookie.from("refresh", token).httpOnly(true).path("/").secure(true).build().toString();
    }

    String bare(String theme) {
        return ResponseCookie.from("theme", theme).secure(true).httpOnly(true).build().toString();
    }
}
