package corpus.taint.precision.collections;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Streams, Optional and lambdas carry taint through; mapping to a constant or a number cleans it. */
@RestController
public class StreamsAndOptionals {

    private final JdbcTemplate jdbc;

    public StreamsAndOptionals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/tags")
    public int tags(@RequestParam List<String> tag) {
        String in = tag.stream().map(t -> "'" + t + "'").collect(Collectors.joining(","));
        return jdbc.update("DELETE FROM tag WHERE name IN (" + in + ")"); // vigil: expect java/sql-injection
    }

    @GetMapping("/tags/count")
    public int tagsCount(@RequestParam List<String> tag) {
        String in = tag.stream().map(t -> "?").collect(Collectors.joining(","));
        return jdbc.update("DELETE FROM tag WHERE name IN (" + in + ")", tag.toArray()); // vigil: safe java/sql-injection
    }

    @GetMapping("/tags/ids")
    public int tagIds(@RequestParam List<String> id) {
        String in = id.stream().map(Long::parseLong).map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.update("DELETE FROM tag WHERE id IN (" + in + ")"); // vigil: safe java/sql-injection
    }

    @GetMapping("/tags/trimmed")
    public int tagTrimmed(@RequestParam List<String> id) {
        String in = id.stream().map(String::trim).collect(Collectors.joining(","));
        return jdbc.update("DELETE FROM tag WHERE id IN (" + in + ")"); // vigil: expect java/sql-injection
    }

    @GetMapping("/owner")
    public List<String> owner(@RequestParam Optional<String> owner) {
        String o = owner.map(String::toLowerCase).orElse("nobody");
        return jdbc.queryForList("SELECT name FROM tag WHERE owner = '" + o + "'", String.class); // vigil: expect java/sql-injection
    }

    @GetMapping("/owner/default")
    public List<String> ownerDefault(@RequestParam Optional<String> owner) {
        String o = owner.map(x -> "somebody").orElse("nobody");
        return jdbc.queryForList("SELECT name FROM tag WHERE owner = '" + o + "'", String.class); // vigil: safe java/sql-injection
    }

    @GetMapping("/first")
    public List<String> first(@RequestParam List<String> tag) {
        String f = tag.stream().filter(t -> !t.isEmpty()).findFirst().orElse("none");
        return jdbc.queryForList("SELECT name FROM tag WHERE name = '" + f + "'", String.class); // vigil: expect java/sql-injection
    }

    @GetMapping("/first/filtered")
    public List<String> firstFiltered(@RequestParam List<String> tag) {
        boolean any = tag.stream().anyMatch(t -> t.startsWith("x"));
        return jdbc.queryForList("SELECT name FROM tag WHERE flagged = " + any, String.class); // vigil: safe java/sql-injection
    }
}
