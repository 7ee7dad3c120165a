package fixes.sqli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Enumeration;
import javax.servlet.http.HttpServletRequest;

public class SqlNameList {

    void columns(HttpServletRequest request, Connection conn) throws SQLException {
        Enumeration<String> names = request.getParameterNames();
        StringBuffer cols = new StringBuffer();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            // Allow-list: only plain SQL names go into the cols list; better, compare with the names this query may use.
            if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
                throw new IllegalArgumentException("SQL name not allowed");
            }
            cols.append(name).append(',');
        }
        conn.createStatement().executeQuery("SELECT " + cols + "id FROM report").close();
    }

    void expressions(HttpServletRequest request, Connection conn) throws SQLException {
        Enumeration<String> names = request.getParameterNames();
        StringBuilder cols = new StringBuilder();
        while (names.hasMoreElements()) {
            // Not a list of names: refused.
            cols.append("max(").append(names.nextElement()).append("), ");
        }
        conn.createStatement().executeQuery("SELECT " + cols + "id FROM report").close();
    }
}
