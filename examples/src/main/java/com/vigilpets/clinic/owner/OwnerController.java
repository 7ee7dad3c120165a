package com.vigilpets.clinic.owner;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** Owner search and detail pages for the front desk. */
@Controller
public class OwnerController {

    private final OwnerService owners;

    public OwnerController(OwnerService owners) {
        this.owners = owners;
    }

    @GetMapping("/owners")
    public String find(@RequestParam(defaultValue = "") String lastName, Model model) {
        model.addAttribute("owners", owners.search(lastName));
        return "owners/list";
    }

    @GetMapping("/api/owners")
    @ResponseBody
    public List<Owner> findForMobile(@RequestParam String lastName) {
        return owners.searchByPrefix(lastName);
    }

    @GetMapping("/owners/{id}")
    public String show(@PathVariable long id, Model model) {
        model.addAttribute("owner", owners.find(id).orElseThrow());
        return "owners/detail";
    }

    @GetMapping("/owners/by-city")
    public String byCity(@RequestParam String city, @RequestParam(required = false) String sort, Model model) {
        model.addAttribute("owners", owners.inCity(city, sort));
        return "owners/list";
    }

    /** Small HTML fragment for the "owner not found" hint under the search box. */
    @GetMapping("/owners/hint")
    @ResponseBody
    public String notFoundHint(@RequestParam String lastName) {
        return "<p class=\"hint\">No owner named <b>" + lastName + "</b>. <a href=\"/owners/new\">Add one?</a></p>"; // vigil: expect java/xss
    }

    /** The same fragment for the new search page, with the name escaped. */
    @GetMapping("/owners/hint/v2")
    @ResponseBody
    public ResponseEntity<String> notFoundHintEscaped(@RequestParam String lastName) {
        String html = "<p class=\"hint\">No owner named <b>" + HtmlUtils.htmlEscape(lastName) + "</b>.</p>";
        return ResponseEntity.ok(html); // vigil: safe java/xss
    }
}
