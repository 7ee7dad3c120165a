package corpus.taint.pathtrav.filemanager;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Serves help pages bundled in the web application. */
public class StaticPageServlet extends HttpServlet {

    private static final Set<String> PAGES = Set.of("intro", "billing", "faq");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getParameter("page");
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/help/" + page + ".html")) {
            if (in != null) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    void knownPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getParameter("page");
        if (!PAGES.contains(page)) {
            response.sendError(404);
            return;
        }
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/help/" + page + ".html")) {
            if (in != null) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    void realPath(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getPathInfo();
        String file = getServletContext().getRealPath("/WEB-INF/help" + page);
        response.setContentLength(file == null ? 0 : (int) new java.io.File(file).length());
    }

    void realPathFixed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getPathInfo();
        String file = getServletContext().getRealPath("/WEB-INF/help/intro.html");
        response.setContentLength(file == null || page == null ? 0 : (int) new java.io.File(file).length());
    }
}
