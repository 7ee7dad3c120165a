package corpus.taint.ssrf.library;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.Set;

/** A small feed library; FeedServlet exposes it to the web. */
public class FeedFetcher {

    private static final Set<String> ALLOWED_HOSTS = Set.of("feeds.example.com", "news.example.org");

    public byte[] fetch(String feedUrl) throws IOException {
        try (InputStream in = URI.create(feedUrl).toURL().openStream()) { // vigil: expect java/ssrf
            return in.readAllBytes();
        }
    }

    public byte[] fetchAllowed(String feedUrl) throws IOException {
        URI uri = URI.create(feedUrl);
        if (!"https".equals(uri.getScheme()) || !ALLOWED_HOSTS.contains(uri.getHost())) {
            throw new IOException("host not allowed: " + uri.getHost());
        }
        try (InputStream in = uri.toURL().openStream()) { // vigil: safe java/ssrf
            return in.readAllBytes();
        }
    }

    public byte[] fetchPath(String path) throws IOException {
        URL url = new URL(new URL("https://feeds.example.com/"), path.replace("..", ""));
        try (InputStream in = url.openStream()) { // vigil: expect java/ssrf
            return in.readAllBytes();
        }
    }

    public byte[] fetchNumbered(int page) throws IOException {
        URL url = new URL("https://feeds.example.com/page/" + page);
        try (InputStream in = url.openStream()) { // vigil: safe java/ssrf
            return in.readAllBytes();
        }
    }
}
