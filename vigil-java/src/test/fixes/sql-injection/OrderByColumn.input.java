package fixes.sqli;

import java.sql.Connection;
import java.sql.SQLException;
import javax.servlet.http.HttpServletRequest;

public class OrderByColumn {

    void sorted(HttpServletRequest request, Connection conn) throws SQLException {
        String sort = request.getParameter("sort");
        conn.createStatement().executeQuery("SELECT * FROM accounts ORDER BY " + sort).close();
    }
}
