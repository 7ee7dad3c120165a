package fixes.sqli;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SqlMappedBatch {

    private JdbcTemplate jdbc;

    @PostMapping("/paid")
    public void markPaid(@RequestParam List<String> numbers) {
        String[] statements = numbers.stream().map(n -> "UPDATE invoice SET paid = 1 WHERE number = '" + n + "'").toArray(String[]::new);
        jdbc.batchUpdate(statements);
    }
}
