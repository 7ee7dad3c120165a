package com.vigilpets.clinic.pet;

import com.vigilpets.clinic.visit.VisitService;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pet lists, visit history and booking for the front desk. */
@Controller
public class PetController {

    private final PetDao pets;
    private final VisitService visits;

    public PetController(PetDao pets, VisitService visits) {
        this.pets = pets;
        this.visits = visits;
    }

    @GetMapping("/owners/{ownerId}/pets")
    public String ofOwner(@PathVariable long ownerId, Model model) throws SQLException {
        model.addAttribute("pets", pets.findByOwner(ownerId));
        return "pets/list";
    }

    @GetMapping("/pets")
    public String byType(@RequestParam(defaultValue = "dog") String type, Model model) throws SQLException {
        model.addAttribute("pets", pets.findByType(type));
        return "pets/list";
    }

    @GetMapping("/pets/find")
    public String byName(@RequestParam String name, Model model) throws SQLException {
        model.addAttribute("pets", pets.findByName(name));
        return "pets/list";
    }

    @GetMapping("/pets/{petId}/visits")
    public String history(@PathVariable long petId, Model model) {
        model.addAttribute("visits", visits.history(petId));
        return "visits/list";
    }

    @GetMapping("/visits/search")
    public String searchNotes(@RequestParam String q, Model model) {
        model.addAttribute("visits", visits.searchNotes(q));
        return "visits/list";
    }

    @PostMapping("/pets/{petId}/visits")
    public String book(@PathVariable long petId,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       @RequestParam String reason) {
        visits.book(petId, date, reason);
        return "redirect:/pets/" + petId + "/visits"; // vigil: safe java/open-redirect
    }
}
