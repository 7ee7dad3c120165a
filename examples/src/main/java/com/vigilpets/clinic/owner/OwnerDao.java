package com.vigilpets.clinic.owner;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Data access for owners (Spring JdbcTemplate). */
@Repository
public class OwnerDao {

    private static final RowMapper<Owner> OWNER = (rs, row) -> new Owner(
            rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
            rs.getString("address"), rs.getString("city"), rs.getString("telephone"));

    private final JdbcTemplate jdbc;

    public OwnerDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Prefix search used by the "Find owners" page. */
    public List<Owner> findByLastName(String lastName) {
        String sql = "SELECT * FROM owners WHERE last_name LIKE '" + lastName + "%' ORDER BY last_name";
        return jdbc.query(sql, OWNER); // vigil: expect java/sql-injection
    }

    /** Same search for the mobile app, written later with bind parameters. */
    public List<Owner> findByLastNamePrefix(String lastName) {
        return jdbc.query("SELECT * FROM owners WHERE last_name LIKE ? ORDER BY last_name", OWNER, lastName + "%"); // vigil: safe java/sql-injection
    }

    public Optional<Owner> findById(long id) {
        List<Owner> found = jdbc.query("SELECT * FROM owners WHERE id = ?", OWNER, id); // vigil: safe java/sql-injection
        return found.stream().findFirst();
    }

    /** City listing with a user-selected sort column, mapped to known column names. */
    public List<Owner> findByCity(String city, String sort) {
        String orderBy = switch (sort) {
            case "name" -> "last_name, first_name";
            case "phone" -> "telephone";
            default -> "id";
        };
        return jdbc.query("SELECT * FROM owners WHERE city = ? ORDER BY " + orderBy, OWNER, city); // vigil: safe java/sql-injection
    }

    public void updateTelephone(long id, String telephone) {
        jdbc.update("UPDATE owners SET telephone = ? WHERE id = ?", telephone, id); // vigil: safe java/sql-injection
    }
}
