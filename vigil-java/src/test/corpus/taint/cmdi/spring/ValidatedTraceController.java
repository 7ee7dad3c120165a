package corpus.taint.cmdi.spring;

import java.io.IOException;
import javax.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
public class ValidatedTraceController {

    @GetMapping("/trace/validated")
    public String trace(@RequestParam @Pattern(regexp = "^[a-z0-9.-]+$") String host) throws IOException {
        Runtime.getRuntime().exec("traceroute " + host); // vigil: safe java/command-injection
        return "sent";
    }
}
