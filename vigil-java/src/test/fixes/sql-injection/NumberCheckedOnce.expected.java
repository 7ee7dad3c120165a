package fixes.sqli;

import java.sql.Connection;
import java.sql.SQLException;
import javax.servlet.http.HttpServletRequest;

public class NumberCheckedOnce {

    void archive(HttpServletRequest req, Connection c) throws SQLException {
        // Both statements splice the same id: it is checked once, before the first.
        String id = req.getParameter("id");
        // Only a number reaches the query, which reads id as a number literal.
        if (id != null && !id.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("not a number");
        }
        c.createStatement().executeUpdate("INSERT INTO archive SELECT * FROM orders WHERE id = " + id);
        c.createStatement().executeUpdate("DELETE FROM orders WHERE id = " + id);
    }
}
