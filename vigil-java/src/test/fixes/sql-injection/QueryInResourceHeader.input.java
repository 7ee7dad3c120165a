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
        String sql = "SELECT 1 FROM product WHERE name = '" + req.getParameter("name") + "'";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }
}
