package corpus.taint.regex.spring;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Filtering product names with a client-supplied expression. */
@RestController
public class FilterController {

    private final List<String> names = List.of("alpha", "beta", "gamma");

    @GetMapping("/filter")
    public List<String> filter(@RequestParam String pattern) {
        Pattern p = Pattern.compile(".*" + pattern + ".*", Pattern.CASE_INSENSITIVE);
        return names.stream().filter(n -> p.matcher(n).matches()).toList();
    }

    @GetMapping("/filter/literal")
    public List<String> filterLiteral(@RequestParam String pattern) {
        Pattern p = Pattern.compile(".*" + Pattern.quote(pattern) + ".*", Pattern.CASE_INSENSITIVE);
        return names.stream().filter(n -> p.matcher(n).matches()).toList();
    }

    @GetMapping("/filter/contains")
    public List<String> filterContains(@RequestParam String pattern) {
        return names.stream().filter(n -> n.contains(pattern)).toList();
    }

    @GetMapping("/filter/validated")
    public List<String> filterValidated(@RequestParam String pattern) {
        if (!pattern.matches("[A-Za-z0-9 ]{1,32}")) {
            return List.of();
        }
        Pattern p = Pattern.compile(pattern);
        return names.stream().filter(n -> p.matcher(n).find()).toList();
    }

    @GetMapping("/filter/unvalidated")
    public List<String> filterUnvalidated(@RequestParam String pattern) {
        if (pattern.length() > 32) {
            return List.of();
        }
        Pattern p = Pattern.compile(pattern);
        return names.stream().filter(n -> p.matcher(n).find()).toList();
    }
}
