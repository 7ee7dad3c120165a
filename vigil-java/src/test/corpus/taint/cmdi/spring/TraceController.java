package corpus.taint.cmdi.spring;

import java.io.IOException;
import javax.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** With javax.validation (Spring 5), parameter constraints are enforced only in a @Validated class. */
@RestController
public class TraceController {

    @GetMapping("/trace")
    public String trace(@RequestParam @Pattern(regexp = "[a-z0-9.-]+") String host) throws IOException {
        Runtime.getRuntime().exec("traceroute " + host); // vigil: expect java/command-injection
        return "sent";
    }
}
