package com.vigilpets.clinic.visit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Visit booking and history. */
@Service
public class VisitService {

    private final VisitDao visits;

    public VisitService(VisitDao visits) {
        this.visits = visits;
    }

    public List<Visit> history(long petId) {
        return visits.forPet(petId);
    }

    public List<Visit> searchNotes(String text) {
        return visits.searchNotes(text.strip());
    }

    public List<Visit> thisWeek() {
        LocalDate today = LocalDate.now();
        return visits.between(today.minusDays(today.getDayOfWeek().getValue() - 1L), today);
    }

    @Transactional
    public Visit book(long petId, LocalDate date, String reason) {
        Visit visit = new Visit(petId, date, reason);
        visits.save(visit);
        return visit;
    }
}
