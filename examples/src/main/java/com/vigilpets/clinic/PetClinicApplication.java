package com.vigilpets.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletComponentScan;

/**
 * Vigil Pet Clinic: owners, pets, visits and a small admin area for the practice
 * staff. Plain servlets (reports, search, appointment drafts) are registered
 * through {@link ServletComponentScan}; everything else is Spring MVC.
 */
@SpringBootApplication
@ServletComponentScan
public class PetClinicApplication {

    public static void main(String[] args) {
        SpringApplication.run(PetClinicApplication.class, args);
    }
}
