package fixes.sqli;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SqlMappedBatch {

    private JdbcTemplate jdbc;

    @PostMapping("/paid")
    public void markPaid(@RequestParam List<String> numbers) {
        List<Object[]> batchArgs = numbers.stream().map(n -> new Object[] {n}).collect(Collectors.toList());
        jdbc.batchUpdate("UPDATE invoice SET paid = 1 WHERE number = ?", batchArgs);
    }
}
