package com.vigilpets.clinic.pet;

import java.time.LocalDate;

/** A patient of the practice. */
public record Pet(long id, long ownerId, String name, String type, LocalDate birthDate) {
}
