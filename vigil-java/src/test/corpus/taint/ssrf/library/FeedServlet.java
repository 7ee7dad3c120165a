package corpus.taint.ssrf.library;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class FeedServlet extends HttpServlet {

    private final FeedFetcher fetcher = new FeedFetcher();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = request.getParameter("url");
        byte[] a = fetcher.fetch(url);
        byte[] b = fetcher.fetchAllowed(url);
        byte[] c = fetcher.fetchPath(request.getParameter("path"));
        byte[] d = fetcher.fetchNumbered(Integer.parseInt(request.getParameter("page")));
        response.setContentLength(a.length + b.length + c.length + d.length);
    }
}
