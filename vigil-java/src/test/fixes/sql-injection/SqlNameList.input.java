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
            cols.append(names.nextElement()).append(',');
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
