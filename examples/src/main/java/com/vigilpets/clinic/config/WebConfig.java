package com.vigilpets.clinic.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Cross-origin access for the public web site and the partner pet-insurance portal. */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    private final String bookingOrigin;

    public WebConfig(@Value("${petclinic.booking.origin}") String bookingOrigin) {
        this.bookingOrigin = bookingOrigin;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // Opening hours and free slots are public information.
        registry.addMapping("/api/slots/**")
                .allowedOrigins("*") // vigil: safe java/permissive-cors
                .allowedMethods("GET");
        registry.addMapping("/api/bookings/**")
                .allowedOrigins(bookingOrigin) // vigil: safe java/permissive-cors
                .allowedMethods("GET", "POST")
                .allowCredentials(true);
        // Insurance partners embed the claim status widget on many domains.
        registry.addMapping("/api/claims/**")
                .allowedOriginPatterns("*") // vigil: expect java/permissive-cors
                .allowedMethods("GET")
                .allowCredentials(true);
    }
}
