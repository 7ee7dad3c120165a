package fixes.sqli;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class JdbcTemplateLocal {

    private final JdbcTemplate jdbc;

    JdbcTemplateLocal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/tags")
    public List<String> tags(@RequestParam String owner, @RequestParam String region) {
        String sql = "SELECT name FROM tag WHERE owner = '" + owner + "' AND region = '" + region + "'";
        return jdbc.queryForList(sql, String.class);
    }
}
