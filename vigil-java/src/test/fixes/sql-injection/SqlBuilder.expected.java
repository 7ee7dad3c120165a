package fixes.sqli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

public class SqlBuilder {

    void filterByMap(HttpServletRequest request, Connection conn) throws SQLException {
        Map<String, String[]> params = request.getParameterMap();
        StringBuilder where = new StringBuilder("SELECT * FROM report WHERE 1=1");
        List<Object> whereValues = new ArrayList<>();
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            String name = e.getKey();
            // Allow-list: only a plain SQL name (letters, digits, _ and one dot) reaches the query; better, compare with the names this query may use.
            if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
                throw new IllegalArgumentException("SQL name not allowed");
            }
            where.append(" AND ").append(name).append(" = ?");
            whereValues.add(e.getValue()[0]);
        }
        PreparedStatement statement = conn.prepareStatement(where.toString());
        for (int i = 0; i < whereValues.size(); i++) {
            statement.setObject(i + 1, whereValues.get(i));
        }
        statement.executeQuery().close();
    }

    void straight(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        String status = request.getParameter("status");
        StringBuilder sql = new StringBuilder();
        List<Object> sqlValues = new ArrayList<>();
        sql.append("SELECT id FROM orders WHERE owner = ?");
        sqlValues.add(owner);
        if (status != null) {
            sql.append(" AND status = ?");
            sqlValues.add(status);
        }
        sql.append(" ORDER BY id");
        PreparedStatement statement = conn.prepareStatement(sql.toString());
        for (int i = 0; i < sqlValues.size(); i++) {
            statement.setObject(i + 1, sqlValues.get(i));
        }
        statement.executeQuery().close();
    }

    void splitQuote(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        StringBuilder sql = new StringBuilder("SELECT id FROM orders WHERE owner = '");
        sql.append(owner);
        sql.append("'");
        conn.createStatement().executeQuery(sql.toString()).close();
    }
}
