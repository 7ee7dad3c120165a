package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpringPermitAllCheckTest {

    @Test
    void reportsPermitAllOnEveryRequestInEveryDslStyle() {
        String java = """
                package w;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                class Security {
                    static final String ALL = "/**";
                    void chain(HttpSecurity http) throws Exception {
                        http.authorizeRequests()
                                .antMatchers("/admin/**").hasRole("ADMIN")
                                .anyRequest()
                                .permitAll(); // BAD
                        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll()); // BAD
                        http.authorizeHttpRequests(auth -> auth.requestMatchers(ALL).permitAll()); // BAD
                        http.authorizeHttpRequests(auth -> auth.requestMatchers("/login", "/**").permitAll()); // BAD
                        http.authorizeRequests().regexMatchers(".*").permitAll(); // BAD
                        http.authorizeHttpRequests(auth -> auth.requestMatchers("/login").permitAll());
                        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
                        http.authorizeHttpRequests(auth -> auth.requestMatchers("/**").authenticated());
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(SpringPermitAllCheck.RULE, "w/Security.java", java));
    }

    @Test
    void reportsTheMatcherAfterIgnoringOnlyWhenItMatchesEverything() {
        String java = """
                package w;
                import org.springframework.security.config.annotation.web.builders.WebSecurity;
                import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
                class Ignoring {
                    WebSecurityCustomizer all() {
                        return web -> web.ignoring().requestMatchers("/**"); // BAD
                    }
                    void legacy(WebSecurity web) {
                        web.ignoring().antMatchers("/css/**").antMatchers("/**"); // BAD
                        web.ignoring().anyRequest(); // BAD
                        web.ignoring().antMatchers("/css/**", "/js/**");
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(SpringPermitAllCheck.RULE, "w/Ignoring.java", java));
    }

    @Test
    void chainScopedToSpecificPathsAndPreflightsAreNotReported() {
        String java = """
                package w;
                import org.springframework.http.HttpMethod;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.util.matcher.AnyRequestMatcher;
                class Scoped {
                    void assets(HttpSecurity http) throws Exception {
                        http.securityMatcher("/assets/**", "/img/**")
                                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
                    }
                    void separateStatement(HttpSecurity http) throws Exception {
                        http.securityMatchers(m -> m.requestMatchers("/docs/**"));
                        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
                    }
                    void wholeSite(HttpSecurity http) throws Exception {
                        http.securityMatcher(AnyRequestMatcher.INSTANCE)
                                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll()); // BAD
                    }
                    void preflight(HttpSecurity http) throws Exception {
                        http.authorizeHttpRequests(auth -> auth
                                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                                .requestMatchers(HttpMethod.GET, "/**").permitAll() // BAD
                                .anyRequest().authenticated());
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(SpringPermitAllCheck.RULE, "w/Scoped.java", java));
    }
}
