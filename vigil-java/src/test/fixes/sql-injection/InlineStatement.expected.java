package fixes.sqli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.servlet.http.HttpServletRequest;

public class InlineStatement {

    /** Looks up accounts by owner; the comment and layout around the query must survive. */
    int count(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        int id = Integer.parseInt(request.getParameter("id"));
        // the owner filter comes straight from the form
        PreparedStatement statement = conn.prepareStatement("SELECT * FROM accounts WHERE owner = ? AND id = ?");
        statement.setString(1, owner);
        statement.setInt(2, id);
        ResultSet rs = statement.executeQuery();
        return rs.next() ? 1 : 0;
    }
}
