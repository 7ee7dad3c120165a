package fixes.sqli;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
        // Allow-list: only a plain SQL name (letters, digits, _ and one dot) reaches the query; better, compare with the names this query may use.
        if (table != null && !table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        conn.createStatement().execute("TRUNCATE TABLE " + table);
    }

    void purge(HttpServletRequest request) {
        String table = request.getParameter("table");
        // Allow-list: only a plain SQL name (letters, digits, _ and one dot) reaches the query; better, compare with the names this query may use.
        if (table != null && !table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        jdbc.execute("DELETE FROM " + table);
    }

    void fill(HttpServletRequest request) {
        String year = request.getParameter("year");
        // Only a number reaches the query, which reads year as a number literal.
        if (year != null && !year.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("not a number");
        }
        jdbc.execute("INSERT INTO summary SELECT * FROM report WHERE year = " + year);
    }

    ResultSet sorted(HttpServletRequest request, Connection conn) throws SQLException {
        String column = request.getParameter("column");
        String direction = request.getParameter("direction");
        // Allow-list: only plain column names, each optionally with ASC or DESC, reach the ORDER BY; better, compare with the names this query may use.
        if (column != null && !column.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?([ ]+(ASC|DESC|asc|desc))?([ ]*,[ ]*[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?([ ]+(ASC|DESC|asc|desc))?)*")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        // Allow-list: only ASC or DESC reaches the ORDER BY; better, compare with the names this query may use.
        if (direction != null && !direction.matches("ASC|DESC|asc|desc")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        PreparedStatement st = conn.prepareStatement("SELECT * FROM accounts WHERE owner = ? ORDER BY " + column + " " + direction);
        st.setString(1, String.valueOf(request.getRemoteUser()));
        return st.executeQuery();
    }

    ResultSet sortedResource(HttpServletRequest request, Connection conn) throws SQLException {
        String column = request.getParameter("column");
        // Allow-list: only plain column names, each optionally with ASC or DESC, reach the ORDER BY; better, compare with the names this query may use.
        if (column != null && !column.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?([ ]+(ASC|DESC|asc|desc))?([ ]*,[ ]*[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?([ ]+(ASC|DESC|asc|desc))?)*")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        try (PreparedStatement st = conn.prepareStatement("SELECT * FROM accounts WHERE owner = ? ORDER BY " + column)) {
            st.setString(1, String.valueOf(request.getRemoteUser()));
            return st.executeQuery();
        }
    }

    void audit(HttpServletRequest request, Connection conn) throws SQLException {
        String amount = request.getParameter("amount");
        // Only a number reaches the query, which reads amount as a number literal.
        if (amount != null && !amount.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("not a number");
        }
        conn.createStatement().executeUpdate("UPDATE " + auditTable + " SET amount = " + amount);
    }

    void columns(HttpServletRequest request, Connection conn) throws SQLException {
        String columns = request.getParameter("columns");
        String prefix = request.getParameter("prefix");
        // Allow-list: only plain column names separated by commas reach the query; better, compare with the names this query may use.
        if (columns != null && !columns.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?([ ]*,[ ]*[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?)*")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        // Allow-list: only a plain SQL name (letters, digits, _ and one dot) reaches the query; better, compare with the names this query may use.
        if (prefix != null && !prefix.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        conn.createStatement().executeQuery("SELECT " + columns + " FROM " + prefix + "_events").close();
    }

    ResultSet settings(HttpServletRequest request, Connection conn) throws SQLException {
        java.util.Optional<String> schema = java.util.Optional.ofNullable(request.getParameter("schema"));
        String name = schema.get();
        // Allow-list: only a plain SQL name (letters, digits, _ and one dot) reaches the query; better, compare with the names this query may use.
        if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        return conn.createStatement().executeQuery("SELECT * FROM " + name + ".settings");
    }

    void call(HttpServletRequest request, Connection conn) throws SQLException {
        String proc = request.getPathInfo().substring(1);
        // Allow-list: only a plain SQL name (letters, digits, _ and one dot) reaches the query; better, compare with the names this query may use.
        if (proc != null && !proc.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        conn.prepareCall("{call " + proc + "(?)}").execute();
    }
}
