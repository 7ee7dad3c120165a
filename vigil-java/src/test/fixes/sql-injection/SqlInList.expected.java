package fixes.sqli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SqlInList {

    private JdbcTemplate jdbc;

    void byRegion(HttpServletRequest request, Connection conn) throws SQLException {
        String[] regions = request.getParameterValues("region");
        String sql = "SELECT id FROM accounts WHERE region IN (" + String.join(",", Collections.nCopies(regions.length, "?")) + ")";
        PreparedStatement statement = conn.prepareStatement(sql);
        int index = 1;
        for (String value : regions) {
            statement.setString(index++, value);
        }
        statement.executeQuery().close();
    }

    void byOwnerAndRegion(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        List<String> regions = List.of(request.getParameterValues("region"));
        PreparedStatement statement = conn.prepareStatement("SELECT id FROM accounts WHERE owner = ? AND region IN (" + String.join(",", Collections.nCopies(regions.size(), "?")) + ") AND active = 1");
        int index = 1;
        statement.setString(index++, owner);
        for (String value : regions) {
            statement.setString(index++, value);
        }
        statement.executeQuery().close();
    }

    @GetMapping("/tags")
    public int deleteTags(@RequestParam List<String> tag) {
        String in = String.join(",", Collections.nCopies(tag.size(), "?"));
        return jdbc.update("DELETE FROM tag WHERE name IN (" + in + ")", tag.toArray());
    }

    @GetMapping("/ids")
    public int deleteIds(@RequestParam List<String> id) {
        String in = String.join(",", Collections.nCopies(id.size(), "?"));
        return jdbc.update("DELETE FROM tag WHERE id IN (" + in + ")", id.stream().map(String::trim).toArray());
    }
}
