package fixes.sqli;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;

public class SqlFormatAndBatch {

    void formatted(HttpServletRequest request, Connection conn) throws SQLException {
        String year = request.getParameter("year");
        String q = request.getParameter("q");
        String sql = String.format("SELECT * FROM report WHERE year = %s AND title LIKE '%%%s%%'", year, q);
        conn.createStatement().executeQuery(sql).close();
    }

    void batch(HttpServletRequest request, Connection conn) throws SQLException {
        String tenant = request.getHeader("X-Tenant");
        Statement st = conn.createStatement();
        st.addBatch("UPDATE accounts SET touched = 1 WHERE tenant = '" + tenant + "'");
        st.executeBatch();
    }
}
