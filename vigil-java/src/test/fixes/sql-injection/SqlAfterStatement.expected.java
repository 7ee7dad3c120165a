package fixes.sqli;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

public class SqlAfterStatement {

    private DataSource dataSource;

    void search(HttpServletRequest req, HttpServletResponse resp) throws IOException, SQLException {
        String term = req.getParameter("q");
        PrintWriter out = resp.getWriter();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String sql = "SELECT id, name FROM products WHERE name LIKE ?";
            PreparedStatement statement = c.prepareStatement(sql);
            statement.setString(1, "%" + term + "%");
            ResultSet rs = statement.executeQuery();
            while (rs.next()) {
                out.println(rs.getLong("id"));
            }
            statement.close();
        }
    }
}
