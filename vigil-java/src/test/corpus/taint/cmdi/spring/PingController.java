package corpus.taint.cmdi.spring;

import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bean Validation constraints on handler parameters are enforced before the handler runs (Spring 6.1+). */
@RestController
public class PingController {

    private static final String HOST = "[a-z0-9.-]{1,253}";

    @GetMapping("/ping")
    public String ping(@RequestParam @Pattern(regexp = "[a-z0-9.-]+") String host) throws IOException {
        Runtime.getRuntime().exec("ping -c 1 " + host); // vigil: safe java/command-injection
        return "sent";
    }

    @GetMapping("/ping/constant")
    public String pingConstant(@RequestParam @Pattern(regexp = HOST) String host) throws IOException {
        Runtime.getRuntime().exec("ping -c 1 " + host); // vigil: safe java/command-injection
        return "sent";
    }

    @GetMapping("/ping/any")
    public String pingAny(@RequestParam @Pattern(regexp = ".+") String host) throws IOException {
        Runtime.getRuntime().exec("ping -c 1 " + host); // vigil: expect java/command-injection
        return "sent";
    }

    @GetMapping("/ping/spaces")
    public String pingSpaces(@RequestParam @Pattern(regexp = "[a-z0-9. -]+") String host) throws IOException {
        Runtime.getRuntime().exec("ping -c 1 " + host); // vigil: expect java/command-injection
        return "sent";
    }

    @GetMapping("/ping/plain")
    public String pingPlain(@RequestParam String host) throws IOException {
        Runtime.getRuntime().exec("ping -c 1 " + host); // vigil: expect java/command-injection
        return "sent";
    }
}
