package fixes.sqli;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class InsertValues {

    private final JdbcTemplate jdbc;

    InsertValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping("/notes/{id}/tag")
    public void tag(@PathVariable long id, @RequestParam String tag, @RequestParam String note) {
        jdbc.update("insert into tags(note_id, tag, note) values (?, ?, ?)", id, tag, note);
    }
}
