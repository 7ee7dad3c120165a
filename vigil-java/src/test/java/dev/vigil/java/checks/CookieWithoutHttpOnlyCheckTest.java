package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CookieWithoutHttpOnlyCheckTest {

    @Test
    void judgesTheHttpOnlyFlagIndependentlyOfSecure() {
        String java = """
                package k;
                import jakarta.servlet.http.Cookie;
                import jakarta.servlet.http.HttpServletResponse;
                import org.springframework.http.ResponseCookie;
                class Cookies {
                    private static final boolean SCRIPTS_MAY_READ = true;
                    void secureOnly(HttpServletResponse response, String v) {
                        Cookie c = new Cookie("a", v);
                        c.setSecure(true);
                        response.addCookie(c); // BAD
                    }
                    void fromConstant(HttpServletResponse response, String v) {
                        Cookie c = new Cookie("a", v);
                        c.setSecure(true);
                        c.setHttpOnly(!SCRIPTS_MAY_READ);
                        response.addCookie(c); // BAD
                    }
                    void both(HttpServletResponse response, String v) {
                        Cookie c = new Cookie("a", v);
                        c.setSecure(true);
                        c.setHttpOnly(true);
                        response.addCookie(c);
                    }
                    String spring(String v) {
                        return ResponseCookie.from("a", v).secure(true).build().toString(); // BAD
                    }
                    String springOverridden(String v) {
                        return ResponseCookie.from("a", v).httpOnly(false).secure(true).httpOnly(true).build().toString();
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(CookieWithoutHttpOnlyCheck.RULE, "k/Cookies.java", java));
    }
}
