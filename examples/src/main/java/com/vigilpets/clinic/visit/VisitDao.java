package com.vigilpets.clinic.visit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Repository;

/** Visit queries through JPA. */
@Repository
public class VisitDao {

    @PersistenceContext
    private EntityManager em;

    public List<Visit> forPet(long petId) {
        return em.createQuery("SELECT v FROM Visit v WHERE v.petId = :petId ORDER BY v.date DESC", Visit.class) // vigil: safe java/sql-injection
                .setParameter("petId", petId)
                .getResultList();
    }

    /** Full-text-ish search over the vet's notes. */
    public List<Visit> searchNotes(String text) {
        String jpql = "SELECT v FROM Visit v WHERE lower(v.description) LIKE '%" + text.toLowerCase() + "%'";
        return em.createQuery(jpql, Visit.class).getResultList(); // vigil: expect java/sql-injection
    }

    public List<Visit> between(LocalDate from, LocalDate to) {
        return em.createQuery("SELECT v FROM Visit v WHERE v.date BETWEEN :from AND :to", Visit.class) // vigil: safe java/sql-injection
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    public void save(Visit visit) {
        em.persist(visit);
    }
}
