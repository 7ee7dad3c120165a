package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PermissiveCorsCheckTest {

    @Test
    void reportsWildcardOriginsOnlyWithCredentials() {
        String java = """
                package w;
                import java.util.Arrays;
                import org.springframework.web.bind.annotation.CrossOrigin;
                import org.springframework.web.cors.CorsConfiguration;
                import org.springframework.web.servlet.config.annotation.CorsRegistry;
                class Cors {
                    @CrossOrigin(origins = {"https://a.example", "*"}, allowCredentials = "true") // BAD
                    void annotated() { }
                    void registry(CorsRegistry r) {
                        r.addMapping("/a").allowCredentials(true).allowedOriginPatterns("*"); // BAD
                        r.addMapping("/b").allowedOriginPatterns("*");
                    }
                    void config() {
                        CorsConfiguration c = new CorsConfiguration();
                        c.setAllowedOriginPatterns(Arrays.asList("*")); // BAD
                        c.setAllowCredentials(Boolean.TRUE);
                        CorsConfiguration d = new CorsConfiguration();
                        d.addAllowedOrigin("*");
                        d.setAllowCredentials(false);
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(PermissiveCorsCheck.RULE, "w/Cors.java", java));
    }
}
