package fixes.sqli;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM pets WHERE type LIKE ? ORDER BY name")) {
            statement.setString(1, "%" + type + "%");
            ResultSet rows = statement.executeQuery();
            return rows.next();
        }
    }
}
