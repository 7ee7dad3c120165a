package com.vigilpets.clinic.owner;

/** A pet owner as stored in the {@code owners} table. */
public record Owner(long id, String firstName, String lastName, String address, String city, String telephone) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
