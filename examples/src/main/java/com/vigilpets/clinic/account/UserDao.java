package com.vigilpets.clinic.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Staff accounts and password-reset tokens. */
@Repository
public class UserDao {

    private static final RowMapper<UserAccount> ACCOUNT = (rs, row) -> new UserAccount(
            rs.getLong("id"), rs.getString("username"), rs.getString("email"),
            rs.getString("password_hash"), rs.getString("salt"), rs.getBoolean("admin"));

    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findByUsername(String username) {
        List<UserAccount> found = jdbc.query("SELECT * FROM users WHERE username = ?", ACCOUNT, username); // vigil: safe java/sql-injection
        return found.stream().findFirst();
    }

    public Optional<UserAccount> findByEmail(String email) {
        List<UserAccount> found = jdbc.query("SELECT * FROM users WHERE lower(email) = lower(?)", ACCOUNT, email); // vigil: safe java/sql-injection
        return found.stream().findFirst();
    }

    public void saveResetToken(long userId, String token, Instant expires) {
        jdbc.update("INSERT INTO password_resets(user_id, token, expires_at) VALUES (?, ?, ?)", userId, token, expires); // vigil: safe java/sql-injection
    }

    public void updatePassword(long userId, String hash, String salt) {
        jdbc.update("UPDATE users SET password_hash = ?, salt = ? WHERE id = ?", hash, salt, userId); // vigil: safe java/sql-injection
    }
}
