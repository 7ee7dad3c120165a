package corpus.misuse.spring;

import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Authorization rules of the partner portal. Each vulnerable chain has a safe twin right
 * below it that differs in one call or one pattern.
 */
@Configuration
public class AccessRuleConfigs {

    private static final String EVERYTHING = "/**";
    private static final String PUBLIC_DOCS = "/docs/**";

    /** Admin paths are protected, but every path nobody listed stays open. */
    @Bean
    @Order(1)
    public SecurityFilterChain portal(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().permitAll()) // vigil: expect java/spring-permit-all
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain portalFixed(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/public/**").permitAll() // vigil: safe java/spring-permit-all
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated()) // vigil: safe java/spring-permit-all
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    public SecurityFilterChain openLambda(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll()).build(); // vigil: expect java/spring-permit-all
    }

    public SecurityFilterChain closedLambda(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated()).build(); // vigil: safe java/spring-permit-all
    }

    public SecurityFilterChain allPaths(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/**").permitAll(); // vigil: expect java/spring-permit-all
        });
        return http.build();
    }

    public SecurityFilterChain healthOnly(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/actuator/health").permitAll(); // vigil: safe java/spring-permit-all
            auth.anyRequest().authenticated();
        });
        return http.build();
    }

    /** The catch-all pattern hides behind a constant. */
    public SecurityFilterChain constantPattern(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(EVERYTHING).permitAll() // vigil: expect java/spring-permit-all
                .anyRequest().denyAll());
        return http.build();
    }

    public SecurityFilterChain constantDocs(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(PUBLIC_DOCS).permitAll() // vigil: safe java/spring-permit-all
                .anyRequest().denyAll());
        return http.build();
    }

    public SecurityFilterChain antPathMatcher(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(new AntPathRequestMatcher("/**")).permitAll()); // vigil: expect java/spring-permit-all
        return http.build();
    }

    public SecurityFilterChain staticResources(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll() // vigil: safe java/spring-permit-all
                .anyRequest().authenticated());
        return http.build();
    }

    /** Every GET is public: reads of every resource need no login. */
    public SecurityFilterChain allReads(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.GET, "/**").permitAll() // vigil: expect java/spring-permit-all
                .anyRequest().authenticated());
        return http.build();
    }

    /** CORS preflights carry no credentials and must pass before authentication. */
    public SecurityFilterChain preflight(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll() // vigil: safe java/spring-permit-all
                .anyRequest().authenticated());
        return http.build();
    }

    /** A chain scoped to the whole site is not scoped at all. */
    @Bean
    @Order(3)
    public SecurityFilterChain siteChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll()); // vigil: expect java/spring-permit-all
        return http.build();
    }

    /** Policy: a chain limited to static assets may permit everything it sees. */
    @Bean
    @Order(4)
    public SecurityFilterChain assetChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/assets/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll()); // vigil: safe java/spring-permit-all
        return http.build();
    }

    @Bean
    public WebSecurityCustomizer ignoreEverything() {
        return web -> web.ignoring().requestMatchers("/**"); // vigil: expect java/spring-permit-all
    }

    @Bean
    public WebSecurityCustomizer ignoreStatic() {
        return web -> web.ignoring().requestMatchers("/css/**", "/js/**"); // vigil: safe java/spring-permit-all
    }

    @Bean
    public SecurityWebFilterChain reactiveOpen(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/admin/**").hasRole("ADMIN")
                        .anyExchange().permitAll()) // vigil: expect java/spring-permit-all
                .build();
    }

    @Bean
    public SecurityWebFilterChain reactiveClosed(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/status").permitAll() // vigil: safe java/spring-permit-all
                        .anyExchange().authenticated())
                .build();
    }
}
