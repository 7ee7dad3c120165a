package corpus.taint.ssrf.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Link previews and webhooks: the server fetches URLs on behalf of the client. */
public class PreviewServlet extends HttpServlet {

    private static final Map<String, String> PARTNERS = Map.of(
            "weather", "https://api.weather.example.com/v1",
            "maps", "https://maps.example.com/api");

    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = request.getParameter("url");
        try (InputStream in = new URL(target).openStream()) { // vigil: expect java/ssrf
            response.setContentLength(in.readAllBytes().length);
        }
    }

    void partner(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("partner");
        String base = PARTNERS.getOrDefault("weather", "https://api.weather.example.com/v1");
        try (InputStream in = new URL(base + "/today").openStream()) { // vigil: safe java/ssrf
            response.setContentLength(in.readAllBytes().length + name.length());
        }
    }

    void search(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        URL url = new URL("https://search.example.com/api?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        HttpURLConnection conn = (HttpURLConnection) url.openConnection(); // vigil: safe java/ssrf
        response.setStatus(conn.getResponseCode());
    }

    void searchHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        URL url = new URL("https://" + host + "/api?q=status");
        HttpURLConnection conn = (HttpURLConnection) url.openConnection(); // vigil: expect java/ssrf
        response.setStatus(conn.getResponseCode());
    }

    void webhook(HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
        String hook = request.getHeader("X-Callback");
        HttpRequest req = HttpRequest.newBuilder(URI.create(hook)).GET().build(); // vigil: expect java/ssrf
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
        response.setStatus(r.statusCode());
    }

    void webhookConfigured(HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
        String hook = request.getHeader("X-Callback");
        HttpRequest req = HttpRequest.newBuilder(URI.create(PARTNERS.get("maps"))).header("X-Client", String.valueOf(hook.hashCode())).build(); // vigil: safe java/ssrf
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
        response.setStatus(r.statusCode());
    }

    void partnerByName(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("partner");
        String base = PARTNERS.get(name);
        if (base == null) {
            response.sendError(404);
            return;
        }
        try (InputStream in = new URL(base + "/today").openStream()) { // vigil: safe java/ssrf
            response.setContentLength(in.readAllBytes().length);
        }
    }
}
