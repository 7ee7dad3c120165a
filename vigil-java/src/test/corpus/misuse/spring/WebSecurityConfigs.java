package corpus.misuse.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Filter chains of the storefront. The finding sits on the line of the call that
 * switches CSRF protection off; disabling other configurers is not a CSRF issue.
 */
@Configuration
public class WebSecurityConfigs {

    @Bean
    @Order(1)
    public SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/admin/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .csrf(csrf -> csrf.disable()) // vigil: expect java/csrf-disabled
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain accountChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/account/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(Customizer.withDefaults()) // vigil: safe java/csrf-disabled
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(3)
    public SecurityFilterChain checkoutChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/checkout/**")
                .csrf(AbstractHttpConfigurer::disable) // vigil: expect java/csrf-disabled
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(4)
    public SecurityFilterChain spaChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/app/**")
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())) // vigil: safe java/csrf-disabled
                .formLogin(AbstractHttpConfigurer::disable) // vigil: safe java/csrf-disabled
                .httpBasic(basic -> basic.disable()); // vigil: safe java/csrf-disabled
        return http.build();
    }

    /** A single webhook endpoint signs its requests and is exempted by path. */
    @Bean
    @Order(5)
    public SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/hooks/**")
                .csrf(csrf -> csrf.ignoringRequestMatchers("/hooks/payments")) // vigil: safe java/csrf-disabled
                .cors(cors -> cors.disable()); // vigil: safe java/csrf-disabled
        return http.build();
    }

    /**
     * Stateless token API. Policy: still reported, because the check cannot prove
     * that no browser ever authenticates here with a cookie.
     */
    @Bean
    @Order(6)
    public SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable) // vigil: expect java/csrf-disabled
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(7)
    public SecurityFilterChain staticChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/assets/**")
                .headers(headers -> headers.frameOptions(frame -> frame.disable())) // vigil: safe java/csrf-disabled
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
