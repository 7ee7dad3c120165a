package corpus.misuse.cookie;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Properties;

/** Cookie flags taken from cookies.properties; judged by the configured value. */
public class ConfiguredCookies {

    private final Properties settings;

    public ConfiguredCookies(Properties settings) {
        this.settings = settings;
    }

    public void issue(HttpServletResponse response, String sessionId) {
        Cookie cookie = new Cookie("SESSION", sessionId);
        cookie.setSecure(Boolean.parseBoolean(settings.getProperty("session.cookie.secure", "true")));
        cookie.setHttpOnly(Boolean.parseBoolean(settings.getProperty("session.cookie.http-only", "false")));
        response.addCookie(cookie); // vigil: expect java/insecure-cookie
    }

    /** No properties file defines these keys, so the secure defaults apply. */
    public void issueWithDefaults(HttpServletResponse response, String sessionId) {
        Cookie cookie = new Cookie("SESSION", sessionId);
        cookie.setSecure(Boolean.parseBoolean(settings.getProperty("sso.cookie.secure", "true")));
        cookie.setHttpOnly(Boolean.parseBoolean(settings.getProperty("sso.cookie.http-only", "true")));
        response.addCookie(cookie); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
    }

    /** Secure only when the request itself arrived over TLS: the flag can be false. */
    public void issueMirroringScheme(HttpServletResponse response, String sessionId, boolean requestIsSecure) {
        Cookie cookie = new Cookie("SESSION", sessionId);
        cookie.setSecure(requestIsSecure);
        cookie.setHttpOnly(true);
        response.addCookie(cookie); // vigil: expect java/insecure-cookie
    }
}
