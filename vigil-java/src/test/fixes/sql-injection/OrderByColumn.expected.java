package fixes.sqli;

import java.sql.Connection;
import java.sql.SQLException;
import javax.servlet.http.HttpServletRequest;

public class OrderByColumn {

    void sorted(HttpServletRequest request, Connection conn) throws SQLException {
        String sort = request.getParameter("sort");
        // Allow-list: only plain column names, each optionally with ASC or DESC, reach the ORDER BY; better, compare with the names this query may use.
        if (sort != null && !sort.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?([ ]+(ASC|DESC|asc|desc))?([ ]*,[ ]*[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?([ ]+(ASC|DESC|asc|desc))?)*")) {
            throw new IllegalArgumentException("SQL name not allowed");
        }
        conn.createStatement().executeQuery("SELECT * FROM accounts ORDER BY " + sort).close();
    }
}
