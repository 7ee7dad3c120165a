package com.vigilpets.clinic.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the JSON booking API used by the public web site, and the
 * staff application with form login.
 */
@Configuration
public class SecurityConfig {

    /** The booking widget posts from the public site; tokens were "too fiddly" for it. */
    @Bean
    @Order(1)
    public SecurityFilterChain bookingApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/slots/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable) // vigil: expect java/csrf-disabled
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain staffApp(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/search", "/avatars/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .csrf(Customizer.withDefaults()) // vigil: safe java/csrf-disabled
                .formLogin(form -> form.loginPage("/login"))
                .logout(Customizer.withDefaults());
        return http.build();
    }
}
