package com.vigilpets.clinic.visit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** A visit of a pet to the practice, mapped with JPA. */
@Entity
public class Visit {

    @Id
    @GeneratedValue
    private Long id;
    private long petId;
    private LocalDate date;
    private String description;

    protected Visit() {
    }

    public Visit(long petId, LocalDate date, String description) {
        this.petId = petId;
        this.date = date;
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public long getPetId() {
        return petId;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getDescription() {
        return description;
    }
}
