package com.vigilpets.clinic.owner;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Business rules around owners; trims input and applies the listing limits. */
@Service
public class OwnerService {

    private static final int MAX_RESULTS = 50;

    private final OwnerDao owners;

    public OwnerService(OwnerDao owners) {
        this.owners = owners;
    }

    public List<Owner> search(String lastName) {
        String term = lastName == null ? "" : lastName.trim();
        List<Owner> found = owners.findByLastName(term);
        return found.size() > MAX_RESULTS ? found.subList(0, MAX_RESULTS) : found;
    }

    public List<Owner> searchByPrefix(String lastName) {
        return owners.findByLastNamePrefix(lastName == null ? "" : lastName.trim());
    }

    public Optional<Owner> find(long id) {
        return owners.findById(id);
    }

    public List<Owner> inCity(String city, String sort) {
        return owners.findByCity(city, sort == null ? "name" : sort);
    }
}
