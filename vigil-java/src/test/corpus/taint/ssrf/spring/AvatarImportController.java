package corpus.taint.ssrf.spring;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.client.RestTemplate;

/** Imports an avatar from a URL in the JSON body. */
@org.springframework.web.bind.annotation.RestController
public class AvatarImportController {

    private static final String GRAVATAR = "https://www.gravatar.com/avatar/";

    private final RestTemplate rest;

    public AvatarImportController(RestTemplate rest) {
        this.rest = rest;
    }

    public record ImportRequest(String url, String emailHash) {
    }

    @PostMapping("/avatar/import")
    public ResponseEntity<byte[]> importUrl(@RequestBody ImportRequest req) {
        return rest.getForEntity(URI.create(req.url()), byte[].class); // vigil: expect java/ssrf
    }

    @PostMapping("/avatar/gravatar")
    public ResponseEntity<byte[]> importGravatar(@RequestBody ImportRequest req) {
        String hash = req.emailHash().matches("[0-9a-f]{32}") ? req.emailHash() : "00000000000000000000000000000000";
        return rest.getForEntity(URI.create(GRAVATAR + hash), byte[].class); // vigil: safe java/ssrf
    }

    @PostMapping("/avatar/exchange")
    public ResponseEntity<String> exchange(@RequestBody ImportRequest req) {
        return rest.exchange(req.url(), org.springframework.http.HttpMethod.GET, null, String.class); // vigil: expect java/ssrf
    }

    @PostMapping("/avatar/exchange-fixed")
    public ResponseEntity<String> exchangeFixed(@RequestBody ImportRequest req) {
        return rest.exchange(GRAVATAR + "default", org.springframework.http.HttpMethod.GET, null, String.class); // vigil: safe java/ssrf
    }
}
