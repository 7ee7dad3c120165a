package corpus.misuse.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** WebFlux filter chains of the notification service. */
@Configuration
public class ReactiveSecurityConfig {

    @Bean
    public SecurityWebFilterChain pushApi(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/push/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // vigil: expect java/csrf-disabled
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
    }

    @Bean
    public SecurityWebFilterChain inbox(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/inbox/**"))
                .csrf(Customizer.withDefaults()) // vigil: safe java/csrf-disabled
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
    }

    @Bean
    public SecurityWebFilterChain legacyInbox(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/v1/inbox/**"))
                .csrf().disable() // vigil: expect java/csrf-disabled
                .build();
    }

    @Bean
    public SecurityWebFilterChain metrics(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/metrics/**"))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable) // vigil: safe java/csrf-disabled
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }
}
