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
        // Only a number reaches the query, which reads note as a number literal.
        if (note != null && !note.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("not a number");
        }
        jdbc.update("insert into tags(note_id, tag, note) values (?, ?, " + note + ")", id, tag);
    }
}
