package corpus.taint.xss.spring;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A handler returning ResponseEntity writes a body even in a @Controller: the body is not a view name,
 * and HTML text in it is rendered.
 */
@Controller
public class GreetingEntityController {

    @GetMapping("/greeting")
    public ResponseEntity<String> greeting(@RequestHeader("X-User") String user) {
        return ResponseEntity.ok("<p>Welcome back, " + user + "</p>"); // vigil: expect java/xss
    }

    @GetMapping(value = "/greeting.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> greetingJson(@RequestHeader("X-User") String user) {
        return ResponseEntity.ok("{\"html\":\"<p>" + user + "</p>\"}"); // vigil: safe java/xss
    }

    @GetMapping("/greeting/count")
    public ResponseEntity<String> count(@RequestParam String user) {
        return ResponseEntity.ok(user); // vigil: safe java/template-injection
    }

    @GetMapping("/continue")
    public ResponseEntity<Void> proceed(@RequestParam String next) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(next)).build(); // vigil: expect java/open-redirect
    }

    @GetMapping("/continue/item")
    public ResponseEntity<Void> proceedToItem(@RequestParam String id) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/items/" + Long.parseLong(id))).build(); // vigil: safe java/open-redirect
    }
}
