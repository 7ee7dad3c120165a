package corpus.taint.sqli.spring;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public OrderRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    List<Map<String, Object>> findWhere(String condition) {
        return jdbc.queryForList("SELECT * FROM orders WHERE " + condition);
    }

    List<Map<String, Object>> findByStatus(String status) {
        return jdbc.queryForList("SELECT * FROM orders WHERE status = ?", status);
    }

    List<Map<String, Object>> findForCustomer(String customer, String sort) {
        // sort was allow-listed by the service; the customer is bound
        return named.queryForList("SELECT * FROM orders WHERE customer = :c ORDER BY " + sort,
                new MapSqlParameterSource("c", customer));
    }

    int archiveBefore(String before) {
        return jdbc.update("UPDATE orders SET archived = 1 WHERE created < '" + before + "'");
    }

    int archiveLimited(int limit) {
        return jdbc.update("UPDATE orders SET archived = 1 WHERE id IN (SELECT id FROM orders FETCH FIRST " + limit + " ROWS ONLY)");
    }

    long countRegion(String region) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE region = '" + region + "'", Long.class);
        return n == null ? 0 : n;
    }
}
