package corpus.taint.ssrf.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A URL whose host was compared with a constant points to that host. */
@RestController
public class WebhookProbeController {

    private final HttpClient client = HttpClient.newHttpClient();

    @GetMapping("/probe")
    public String probe(@RequestParam String url) throws Exception {
        URI u = URI.create(url);
        if (!"hooks.example.com".equals(u.getHost()) || !"https".equals(u.getScheme())) {
            throw new IllegalArgumentException("unsupported webhook");
        }
        return client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString()).body(); // vigil: safe java/ssrf
    }

    @GetMapping("/probe/branch")
    public String probeBranch(@RequestParam String url) throws Exception {
        URI u = URI.create(url);
        if (u.getHost().equals("hooks.example.com")) {
            return client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString()).body(); // vigil: safe java/ssrf
        }
        return client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString()).body(); // vigil: expect java/ssrf
    }

    @GetMapping("/probe/suffix")
    public String probeSuffix(@RequestParam String url) throws Exception {
        URI u = URI.create(url);
        if (!u.getHost().endsWith("example.com")) {
            throw new IllegalArgumentException("unsupported webhook");
        }
        return client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString()).body(); // vigil: expect java/ssrf
    }

    @GetMapping("/probe/scheme")
    public String probeScheme(@RequestParam String url) throws Exception {
        URI u = URI.create(url);
        if (!"https".equals(u.getScheme())) {
            throw new IllegalArgumentException("https only");
        }
        return client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString()).body(); // vigil: expect java/ssrf
    }
}
