package fixes.sqli;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
            // Only a number reaches the query, which reads id as a number literal.
            if (id != null && !id.matches("-?[0-9]+(\\.[0-9]+)?")) {
                throw new IllegalArgumentException("not a number");
            }
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
            // Only a number reaches the query, which reads id as a number literal.
            if (id != null && !id.matches("-?[0-9]+(\\.[0-9]+)?")) {
                throw new IllegalArgumentException("not a number");
            }
            PreparedStatement st = c.prepareStatement("UPDATE product SET name = ? WHERE id = " + id);
            st.setString(1, String.valueOf(req.getParameter("name")));
            int n = st.executeUpdate();
            st.close();
            return n;
        }
    }
}
