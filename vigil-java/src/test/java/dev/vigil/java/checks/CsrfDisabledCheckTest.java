package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsrfDisabledCheckTest {

    @Test
    void reportsTheDisablingCallInEveryDslStyle() {
        String java = """
                package w;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
                class Security {
                    void chain(HttpSecurity http) throws Exception {
                        http.csrf()
                                .disable() // BAD
                                .formLogin();
                        http.csrf(csrf -> {
                            csrf.disable(); // BAD
                        });
                        http.csrf(CsrfConfigurer::disable); // BAD
                        http.csrf(csrf -> csrf.ignoringRequestMatchers("/hook"));
                        http.httpBasic(basic -> basic.disable());
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(CsrfDisabledCheck.RULE, "w/Security.java", java));
    }
}
