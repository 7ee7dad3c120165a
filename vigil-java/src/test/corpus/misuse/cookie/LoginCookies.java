package corpus.misuse.cookie;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

/**
 * Cookies set after a successful login. Each cookie object is judged on its own:
 * flags set on one cookie do not protect another.
 */
public class LoginCookies {

    private static final boolean SECURE_COOKIES = false;
    private static final boolean HARDENED = true;

    public void sessionCookieHardened(HttpServletResponse response, String sessionId) {
        Cookie session = new Cookie("SESSION", sessionId);
        session.setSecure(true);
        session.setHttpOnly(true);
        session.setPath("/");
        response.addCookie(session); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
    }

    public void sessionCookieNoFlags(HttpServletResponse response, String sessionId) {
        Cookie session = new Cookie("SESSION", sessionId);
        session.setPath("/");
        response.addCookie(session); // vigil: expect java/insecure-cookie, java/cookie-without-httponly
    }

    public void sessionCookieSecureOnly(HttpServletResponse response, String sessionId) {
        Cookie session = new Cookie("SESSION", sessionId);
        session.setSecure(true);
        response.addCookie(session); // vigil: expect java/cookie-without-httponly
    }

    public void sessionCookieHttpOnlyOnly(HttpServletResponse response, String sessionId) {
        Cookie session = new Cookie("SESSION", sessionId);
        session.setHttpOnly(true);
        response.addCookie(session); // vigil: expect java/insecure-cookie
    }

    public void explicitlyInsecure(HttpServletResponse response, String sessionId) {
        Cookie session = new Cookie("SESSION", sessionId);
        session.setSecure(false);
        session.setHttpOnly(false);
        response.addCookie(session); // vigil: expect java/insecure-cookie, java/cookie-without-httponly
    }

    public void flagFromFalseConstant(HttpServletResponse response, String sessionId) {
        Cookie session = new Cookie("SESSION", sessionId);
        session.setSecure(SECURE_COOKIES);
        session.setHttpOnly(HARDENED);
        response.addCookie(session); // vigil: expect java/insecure-cookie
    }

    public void flagFromTrueConstant(HttpServletResponse response, String sessionId) {
        Cookie session = new Cookie("SESSION", sessionId);
        session.setSecure(HARDENED);
        session.setHttpOnly(HARDENED);
        response.addCookie(session); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
    }

    public void flagFromLocalFalse(HttpServletResponse response, String sessionId) {
        boolean secure = false;
        Cookie session = new Cookie("SESSION", sessionId);
        session.setSecure(secure);
        session.setHttpOnly(true);
        response.addCookie(session); // vigil: expect java/insecure-cookie
    }

    /** The flags are set on the first cookie only; the second one goes out bare. */
    public void twoCookiesOneHardened(HttpServletResponse response, String sessionId, String userName) {
        Cookie session = new Cookie("SESSION", sessionId);
        Cookie user = new Cookie("user", userName);
        session.setSecure(true);
        session.setHttpOnly(true);
        response.addCookie(session); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
        response.addCookie(user); // vigil: expect java/insecure-cookie, java/cookie-without-httponly
    }

    public void hardenedByHelper(HttpServletResponse response, String sessionId) {
        Cookie session = hardened(new Cookie("SESSION", sessionId));
        response.addCookie(session); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
    }

    public void builtByBareHelper(HttpServletResponse response, String sessionId) {
        Cookie session = plain("SESSION", sessionId);
        response.addCookie(session); // vigil: expect java/insecure-cookie, java/cookie-without-httponly
    }

    /** Logout: an expired cookie with no value has nothing left to protect. */
    public void clearSessionCookie(HttpServletResponse response) {
        Cookie expired = new Cookie("SESSION", "");
        expired.setMaxAge(0);
        expired.setPath("/");
        response.addCookie(expired); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
    }

    /** Same shape as logout but it carries a value for a whole day. */
    public void rememberUserCookie(HttpServletResponse response, String userName) {
        Cookie remembered = new Cookie("last-user", userName);
        remembered.setMaxAge(86_400);
        remembered.setPath("/");
        response.addCookie(remembered); // vigil: expect java/insecure-cookie, java/cookie-without-httponly
    }

    private static Cookie hardened(Cookie cookie) {
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        return cookie;
    }

    private static Cookie plain(String name, String value) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        return cookie;
    }
}
