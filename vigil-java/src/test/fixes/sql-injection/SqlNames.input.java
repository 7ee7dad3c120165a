package fixes.sqli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;

public class SqlNames {

    private JdbcTemplate jdbc;
    private String auditTable = "audit_events";

    void truncate(HttpServletRequest request, Connection conn) throws SQLException {
        String table = request.getParameter("table");
        conn.createStatement().execute("TRUNCATE TABLE " + table);
    }

    void purge(HttpServletRequest request) {
        String table = request.getParameter("table");
        jdbc.execute("DELETE FROM " + table);
    }

    void fill(HttpServletRequest request) {
        String year = request.getParameter("year");
        jdbc.execute("INSERT INTO summary SELECT * FROM report WHERE year = " + year);
    }

    ResultSet sorted(HttpServletRequest request, Connection conn) throws SQLException {
        String column = request.getParameter("column");
        String direction = request.getParameter("direction");
        Statement st = conn.createStatement();
        return st.executeQuery("SELECT * FROM accounts WHERE owner = '" + request.getRemoteUser() + "' ORDER BY "
                + column + " " + direction);
    }

    ResultSet sortedResource(HttpServletRequest request, Connection conn) throws SQLException {
        String column = request.getParameter("column");
        try (Statement st = conn.createStatement()) {
            return st.executeQuery("SELECT * FROM accounts WHERE owner = '" + request.getRemoteUser() + "' ORDER BY "
                    + column);
        }
    }

    void audit(HttpServletRequest request, Connection conn) throws SQLException {
        String amount = request.getParameter("amount");
        conn.createStatement().executeUpdate("UPDATE " + auditTable + " SET amount = " + amount);
    }

    void columns(HttpServletRequest request, Connection conn) throws SQLException {
        String columns = request.getParameter("columns");
        String prefix = request.getParameter("prefix");
        conn.createStatement().executeQuery("SELECT " + columns + " FROM " + prefix + "_events").close();
    }

    ResultSet settings(HttpServletRequest request, Connection conn) throws SQLException {
        java.util.Optional<String> schema = java.util.Optional.ofNullable(request.getParameter("schema"));
        return conn.createStatement().executeQuery("SELECT * FROM " + schema.get() + ".settings");
    }

    void call(HttpServletRequest request, Connection conn) throws SQLException {
        String proc = request.getPathInfo().substring(1);
        conn.prepareCall("{call " + proc + "(?)}").execute();
    }
}
