package corpus.taint.ssrf.fetch;

import java.net.URI;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/** Image proxy: fetches remote images through several HTTP clients. */
@RestController
public class ImageProxyController {

    private static final String CDN = "https://cdn.example.com/img/";

    private final RestTemplate rest = new RestTemplate();
    private final WebClient webClient = WebClient.create();

    @GetMapping("/proxy")
    public byte[] proxy(@RequestParam String src) {
        return rest.getForObject(src, byte[].class); // vigil: expect java/ssrf
    }

    @GetMapping("/proxy/cdn")
    public byte[] proxyCdn(@RequestParam String src) {
        return rest.getForObject(CDN + Integer.parseInt(src) + ".png", byte[].class); // vigil: safe java/ssrf
    }

    @GetMapping("/proxy/apache")
    public int proxyApache(@RequestParam String src) throws Exception {
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            return http.execute(new HttpGet(src)).getStatusLine().getStatusCode(); // vigil: expect java/ssrf
        }
    }

    @GetMapping("/proxy/apache-fixed")
    public int proxyApacheFixed(@RequestParam String src) throws Exception {
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            return http.execute(new HttpGet(CDN + "placeholder.png")).getStatusLine().getStatusCode(); // vigil: safe java/ssrf
        }
    }

    @GetMapping("/proxy/reactive")
    public String proxyReactive(@RequestParam String src) {
        return webClient.get().uri(URI.create(src)).retrieve().bodyToMono(String.class).block(); // vigil: expect java/ssrf
    }

    @GetMapping("/proxy/reactive-fixed")
    public String proxyReactiveFixed(@RequestParam String src) {
        return webClient.get().uri(URI.create(CDN + "index.json")).retrieve().bodyToMono(String.class).block(); // vigil: safe java/ssrf
    }
}
