package fixes.sqli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.servlet.http.HttpServletRequest;

public class InlineStatement {

    /** Looks up accounts by owner; the comment and layout around the query must survive. */
    int count(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        int id = Integer.parseInt(request.getParameter("id"));
        // the owner filter comes straight from the form
        ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM accounts WHERE owner = '" + owner + "' AND id = " + id);
        return rs.next() ? 1 : 0;
    }
}
