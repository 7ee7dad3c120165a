package fixes.redirect;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ResponseEntityLocation {

    @GetMapping("/continue")
    public ResponseEntity<Void> proceed(@RequestParam String next) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/")).build();
    }
}
