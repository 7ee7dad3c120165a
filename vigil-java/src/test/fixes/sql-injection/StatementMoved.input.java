package fixes.sqli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;

public class StatementMoved {

    int count(HttpServletRequest req, Connection c) throws SQLException {
        String customer = req.getParameter("customer");
        Statement st = c.createStatement();
        String sql = "SELECT count(*) FROM orders WHERE customer = '" + customer + "'";
        ResultSet rs = st.executeQuery(sql);
        int n = rs.next() ? rs.getInt(1) : 0;
        st.close();
        return n;
    }

    int twoQueries(HttpServletRequest req, Connection c) throws SQLException {
        // The Statement runs another query too: a PreparedStatement is made for this one.
        String customer = req.getParameter("customer");
        Statement st = c.createStatement();
        String sql = "SELECT count(*) FROM orders WHERE customer = '" + customer + "'";
        ResultSet rs = st.executeQuery(sql);
        int n = rs.next() ? rs.getInt(1) : 0;
        st.executeUpdate("UPDATE stats SET hits = hits + 1");
        st.close();
        return n;
    }

    ResultSet returned(HttpServletRequest req, Connection c) throws SQLException {
        // The ResultSet is returned: closing the new PreparedStatement here would close it too.
        String customer = req.getParameter("customer");
        Statement st = c.createStatement();
        String sql = "SELECT * FROM orders WHERE customer = '" + customer + "'";
        st.executeUpdate("UPDATE stats SET hits = hits + 1");
        return st.executeQuery(sql);
    }

    void update(HttpServletRequest req, Connection c) throws SQLException {
        String customer = req.getParameter("customer");
        Statement st = c.createStatement();
        String sql = "UPDATE orders SET seen = 1 WHERE customer = '" + customer + "'";
        st.executeUpdate(sql);
        st.executeUpdate("UPDATE stats SET hits = hits + 1");
    }
}
