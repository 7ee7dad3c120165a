package fixes.sqli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;

public class QueryInResourceHeader {

    private DataSource dataSource;

    boolean exists(HttpServletRequest req) throws SQLException {
        String name = req.getParameter("name");
        String sql = "SELECT 1 FROM product WHERE name = '" + name + "'";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    int count(HttpServletRequest req) throws SQLException {
        String category = req.getParameter("category");
        String sql = "SELECT count(*) FROM product WHERE category = '" + category + "'";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            // counted by the database
            rs.next();

            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean oneLine(HttpServletRequest req) throws SQLException {
        // The block is on the header's line: refused.
        String name = req.getParameter("name");
        String sql = "SELECT 1 FROM product WHERE name = '" + name + "'";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) { return rs.next(); }
    }
}
