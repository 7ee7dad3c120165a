package fixes.sqli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;

public class UnquotedNumber {

    private DataSource dataSource;

    String byId(HttpServletRequest req) throws SQLException {
        String id = req.getParameter("id");
        try (Connection c = dataSource.getConnection()) {
            Statement st = c.createStatement();
            String sql = "SELECT name FROM product WHERE id = " + id;
            ResultSet rs = st.executeQuery(sql);
            String name = rs.next() ? rs.getString(1) : null;
            st.close();
            return name;
        }
    }

    int rename(HttpServletRequest req) throws SQLException {
        String id = req.getParameter("id");
        try (Connection c = dataSource.getConnection()) {
            Statement st = c.createStatement();
            int n = st.executeUpdate("UPDATE product SET name = '" + req.getParameter("name") + "' WHERE id = " + id);
            st.close();
            return n;
        }
    }
}
