package com.vigilpets.clinic.appointment;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

/** A half-filled booking form that the owner can come back to. */
public record AppointmentDraft(String ownerName, String petName, LocalDate preferredDate, String reason)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
