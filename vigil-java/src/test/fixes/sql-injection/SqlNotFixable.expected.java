package fixes.sqli;

import java.sql.Connection;
import java.sql.SQLException;
import javax.servlet.http.HttpServletRequest;

public class SqlNotFixable {

    // Each query takes SQL code from input that neither a bind parameter nor a name check can make safe.

    void condition(HttpServletRequest request, Connection conn) throws SQLException {
        String where = request.getParameter("where");
        conn.createStatement().executeQuery("SELECT * FROM t WHERE " + where).close();
    }

    void chosen(HttpServletRequest request, Connection conn, boolean raw) throws SQLException {
        String where = request.getParameter("where");
        String sql = raw ? "SELECT * FROM t WHERE " + where : "SELECT * FROM t";
        conn.createStatement().executeQuery(sql).close();
    }

    void whole(HttpServletRequest request, Connection conn) throws SQLException {
        String q = request.getQueryString();
        conn.createStatement().execute(q);
    }

    void nameFromCall(HttpServletRequest request, Connection conn) throws SQLException {
        conn.createStatement().execute("DROP TABLE " + request.getParameter("t"));
    }

    void glued(HttpServletRequest request, Connection conn) throws SQLException {
        String columns = request.getParameter("columns");
        conn.createStatement().execute("SELECT " + columns + "id FROM events");
    }
}
