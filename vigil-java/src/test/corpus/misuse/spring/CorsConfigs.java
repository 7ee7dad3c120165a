package corpus.misuse.spring;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS registrations. A wildcard origin is only reported together with
 * credentials; the finding sits on the line that names the wildcard origin.
 */
@Configuration
public class CorsConfigs implements WebMvcConfigurer {

    private static final String ANY_ORIGIN = "*";
    private static final boolean WITH_CREDENTIALS = true;

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/cart/**")
                .allowedOriginPatterns("*") // vigil: expect java/permissive-cors
                .allowCredentials(true);
        registry.addMapping("/api/catalog/**")
                .allowedOrigins("*") // vigil: safe java/permissive-cors
                .allowedMethods("GET");
        registry.addMapping("/api/account/**")
                .allowedOrigins("https://shop.example.com", "https://m.example.com") // vigil: safe java/permissive-cors
                .allowCredentials(true);
        registry.addMapping("/api/wishlist/**")
                .allowedOrigins(ANY_ORIGIN) // vigil: expect java/permissive-cors
                .allowCredentials(WITH_CREDENTIALS);
        registry.addMapping("/api/reviews/**")
                .allowedOrigins("*") // vigil: safe java/permissive-cors
                .allowCredentials(false);
    }

    @Bean
    public CorsConfigurationSource corsConfigurationSource() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();

        CorsConfiguration partner = new CorsConfiguration();
        partner.addAllowedOriginPattern("*"); // vigil: expect java/permissive-cors
        partner.setAllowCredentials(true);
        partner.addAllowedMethod("*");
        source.registerCorsConfiguration("/partner/**", partner);

        CorsConfiguration backoffice = new CorsConfiguration();
        backoffice.setAllowedOrigins(List.of("https://backoffice.example.com")); // vigil: safe java/permissive-cors
        backoffice.setAllowCredentials(true);
        source.registerCorsConfiguration("/backoffice/**", backoffice);

        CorsConfiguration open = new CorsConfiguration();
        open.setAllowedOrigins(List.of("*")); // vigil: expect java/permissive-cors
        open.setAllowCredentials(Boolean.TRUE);
        source.registerCorsConfiguration("/open/**", open);

        CorsConfiguration publicFeed = new CorsConfiguration();
        publicFeed.setAllowedOrigins(List.of("*")); // vigil: safe java/permissive-cors
        source.registerCorsConfiguration("/feed/**", publicFeed);
        return source;
    }
}
