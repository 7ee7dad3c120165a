package fixes.sqli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;

public class SqlFormatAndBatch {

    void formatted(HttpServletRequest request, Connection conn) throws SQLException {
        String year = request.getParameter("year");
        String q = request.getParameter("q");
        // Only a number reaches the query, which reads year as a number literal.
        if (year != null && !year.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("not a number");
        }
        String sql = "SELECT * FROM report WHERE year = " + year + " AND title LIKE ?";
        PreparedStatement statement = conn.prepareStatement(sql);
        statement.setString(1, "%" + q + "%");
        statement.executeQuery().close();
    }

    void batch(HttpServletRequest request, Connection conn) throws SQLException {
        String tenant = request.getHeader("X-Tenant");
        PreparedStatement st = conn.prepareStatement("UPDATE accounts SET touched = 1 WHERE tenant = ?");
        st.setString(1, tenant);
        st.addBatch();
        st.executeBatch();
    }
}
