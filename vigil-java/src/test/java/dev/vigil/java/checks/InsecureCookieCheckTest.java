package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InsecureCookieCheckTest {

    private static final String SERVLET = """
            package web;
            import javax.servlet.http.Cookie;
            import javax.servlet.http.HttpServletResponse;
            class Login {
                static final boolean SECURE = false;
                void bare(HttpServletResponse response, String id) {
                    Cookie c = new Cookie("SESSION", id);
                    response.addCookie(c); // BAD
                }
                void hardened(HttpServletResponse response, String id) {
                    Cookie c = new Cookie("SESSION", id);
                    c.setSecure(true);
                    c.setHttpOnly(true);
                    response.addCookie(c);
                }
                void falseConstant(HttpServletResponse response, String id) {
                    Cookie c = new Cookie("SESSION", id);
                    c.setSecure(SECURE);
                    response.addCookie(c); // BAD
                }
                void onlyWhenTls(HttpServletResponse response, String id, boolean tls) {
                    Cookie c = new Cookie("SESSION", id);
                    if (tls) {
                        c.setSecure(true);
                    }
                    response.addCookie(c); // BAD
                }
                void hardenedInsideTheSameBranch(HttpServletResponse response, String id, boolean fresh) {
                    if (fresh) {
                        Cookie c = new Cookie("SESSION", id);
                        c.setSecure(true);
                        response.addCookie(c);
                    }
                }
                void otherCookieHardened(HttpServletResponse response, String id) {
                    Cookie a = new Cookie("a", id);
                    Cookie b = new Cookie("b", id);
                    a.setSecure(true);
                    response.addCookie(a);
                    response.addCookie(b); // BAD
                }
                void deleting(HttpServletResponse response) {
                    Cookie c = new Cookie("SESSION", "");
                    c.setMaxAge(0);
                    response.addCookie(c);
                }
                void emptyButLasting(HttpServletResponse response) {
                    Cookie c = new Cookie("SESSION", "");
                    response.addCookie(c); // BAD
                }
                void hardenedByStatementHelper(HttpServletResponse response, String id) {
                    Cookie c = new Cookie("SESSION", id);
                    secure(c);
                    response.addCookie(c);
                }
                void viaHelper(HttpServletResponse response, String id) {
                    response.addCookie(secure(new Cookie("SESSION", id)));
                    response.addCookie(plain(id)); // BAD
                }
                void unknownOrigin(HttpServletResponse response, Cookie given) {
                    response.addCookie(given);
                }
                private static Cookie secure(Cookie c) {
                    c.setSecure(true);
                    return c;
                }
                private static Cookie plain(String id) {
                    Cookie c = new Cookie("p", id);
                    c.setPath("/");
                    return c;
                }
            }
            """;

    @Test
    void judgesEachServletCookieByItsOwnResolvedFlag() {
        assertEquals(CheckTesting.marked(SERVLET, "// BAD"),
                CheckTesting.lines(InsecureCookieCheck.RULE, "web/Login.java", SERVLET));
    }

    @Test
    void flagReadFromPropertiesUsesTheConfiguredValueOrTheDefault() {
        String java = """
                package web;
                import jakarta.servlet.http.Cookie;
                import jakarta.servlet.http.HttpServletResponse;
                import java.util.Properties;
                class Configured {
                    private final Properties settings = new Properties();
                    void configured(HttpServletResponse response, String id) {
                        Cookie c = new Cookie("SESSION", id);
                        c.setSecure(Boolean.parseBoolean(settings.getProperty("cookie.secure", "true")));
                        response.addCookie(c); // BAD
                    }
                    void defaulted(HttpServletResponse response, String id) {
                        Cookie c = new Cookie("SESSION", id);
                        c.setSecure(Boolean.parseBoolean(settings.getProperty("absent.key", "true")));
                        response.addCookie(c);
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"), CheckTesting.lines(InsecureCookieCheck.RULE,
                "web/Configured.java", java, "app.properties", "cookie.secure=false\n"));
    }

    @Test
    void springResponseCookieIsReportedOnTheFromLine() {
        String java = """
                package web;
                import org.springframework.http.ResponseCookie;
                class Spring {
                    String bad(String token) {
                        return ResponseCookie
                                .from("SESSION", token) // BAD
                                .httpOnly(true)
                                .build().toString();
                    }
                    String good(String token) {
                        return ResponseCookie.from("SESSION", token).secure(true).httpOnly(true).build().toString();
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(InsecureCookieCheck.RULE, "web/Spring.java", java));
    }
}
