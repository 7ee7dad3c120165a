package com.vigilpets.clinic.pet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

/** Data access for pets; plain JDBC because it predates the JdbcTemplate migration. */
@Repository
public class PetDao {

    private final DataSource dataSource;

    public PetDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Pet> findByOwner(long ownerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM pets WHERE owner_id = ? ORDER BY name")) { // vigil: safe java/sql-injection
            statement.setLong(1, ownerId);
            return read(statement.executeQuery());
        }
    }

    /** Species filter on the pet list ("cat", "dog", "rabbit", ...). */
    public List<Pet> findByType(String type) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT * FROM pets WHERE type = '" + type + "' ORDER BY name"); // vigil: expect java/sql-injection
            return read(rows);
        }
    }

    public List<Pet> findByName(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM pets WHERE lower(name) = lower(?)")) { // vigil: safe java/sql-injection
            statement.setString(1, name);
            return read(statement.executeQuery());
        }
    }

    private static List<Pet> read(ResultSet rows) throws SQLException {
        List<Pet> pets = new ArrayList<>();
        while (rows.next()) {
            pets.add(new Pet(rows.getLong("id"), rows.getLong("owner_id"), rows.getString("name"),
                    rows.getString("type"), rows.getDate("birth_date").toLocalDate()));
        }
        return pets;
    }
}
