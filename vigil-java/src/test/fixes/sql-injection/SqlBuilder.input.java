package fixes.sqli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

public class SqlBuilder {

    void filterByMap(HttpServletRequest request, Connection conn) throws SQLException {
        Map<String, String[]> params = request.getParameterMap();
        StringBuilder where = new StringBuilder("SELECT * FROM report WHERE 1=1");
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            where.append(" AND ").append(e.getKey()).append(" = '").append(e.getValue()[0]).append("'");
        }
        conn.createStatement().executeQuery(where.toString()).close();
    }

    void straight(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        String status = request.getParameter("status");
        StringBuilder sql = new StringBuilder();
        sql.append("SELECT id FROM orders WHERE owner = '").append(owner).append("'");
        if (status != null) {
            sql.append(" AND status = '").append(status).append("'");
        }
        sql.append(" ORDER BY id");
        conn.createStatement().executeQuery(sql.toString()).close();
    }

    void splitQuote(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        StringBuilder sql = new StringBuilder("SELECT id FROM orders WHERE owner = '");
        sql.append(owner);
        sql.append("'");
        conn.createStatement().executeQuery(sql.toString()).close();
    }
}
