package fixes.sqli;

import java.sql.Connection;
import java.sql.SQLException;
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
        String sql = "SELECT id FROM accounts WHERE region IN ('" + String.join("','", regions) + "')";
        conn.createStatement().executeQuery(sql).close();
    }

    void byOwnerAndRegion(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        List<String> regions = List.of(request.getParameterValues("region"));
        conn.createStatement().executeQuery("SELECT id FROM accounts WHERE owner = '" + owner + "' AND region IN ('"
                + String.join("', '", regions) + "') AND active = 1").close();
    }

    @GetMapping("/tags")
    public int deleteTags(@RequestParam List<String> tag) {
        String in = tag.stream().map(t -> "'" + t + "'").collect(Collectors.joining(","));
        return jdbc.update("DELETE FROM tag WHERE name IN (" + in + ")");
    }

    @GetMapping("/ids")
    public int deleteIds(@RequestParam List<String> id) {
        String in = id.stream().map(String::trim).collect(Collectors.joining(","));
        return jdbc.update("DELETE FROM tag WHERE id IN (" + in + ")");
    }
}
