package fixes.sqli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;

public class StatementResource {

    private DataSource dataSource;

    boolean exists(HttpServletRequest request) throws SQLException {
        String type = request.getParameter("type");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT * FROM pets WHERE type LIKE '%" + type + "%' ORDER BY name");
            return rows.next();
        }
    }
}
