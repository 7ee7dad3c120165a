package corpus.taint.pathtrav.download;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import org.apache.commons.io.FilenameUtils;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** File download: names from parameters and the path info, with and without containment checks. */
public class DownloadServlet extends HttpServlet {

    private static final Path ROOT = Paths.get("/srv/downloads");
    private static final File ROOT_DIR = new File("/srv/downloads");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        try (InputStream in = new FileInputStream(new File(ROOT_DIR, name))) { // vigil: expect java/path-traversal
            in.transferTo(response.getOutputStream());
        }
    }

    void downloadCanonical(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        File file = new File(ROOT_DIR, name).getCanonicalFile(); // vigil: safe java/path-traversal
        if (!file.getPath().startsWith(ROOT_DIR.getCanonicalPath() + File.separator)) {
            response.sendError(403);
            return;
        }
        try (InputStream in = new FileInputStream(file)) { // vigil: safe java/path-traversal
            in.transferTo(response.getOutputStream());
        }
    }

    void downloadNio(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        Files.copy(ROOT.resolve(name.substring(1)), response.getOutputStream()); // vigil: expect java/path-traversal
    }

    void downloadNioNormalized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        Path target = ROOT.resolve(name.substring(1)).normalize(); // vigil: safe java/path-traversal
        if (!target.startsWith(ROOT)) {
            response.sendError(403);
            return;
        }
        Files.copy(target, response.getOutputStream()); // vigil: safe java/path-traversal
    }

    void downloadFileName(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        String base = FilenameUtils.getName(name);
        Files.copy(ROOT.resolve(base), response.getOutputStream()); // vigil: safe java/path-traversal
    }

    void downloadById(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int id = Integer.parseInt(request.getParameter("id"));
        Files.copy(Paths.get("/srv/downloads", id + ".pdf"), response.getOutputStream()); // vigil: safe java/path-traversal
    }

    void downloadByName(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Files.copy(Paths.get("/srv/downloads", id + ".pdf"), response.getOutputStream()); // vigil: expect java/path-traversal
    }

    void resource(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getRequestURI().substring(request.getContextPath().length());
        URL url = getServletContext().getResource("/WEB-INF/pages" + page); // vigil: expect java/path-traversal
        response.getWriter().println(url == null ? "none" : "found"); // vigil: safe java/xss
    }

    void resourceFixed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getRequestURI().substring(request.getContextPath().length());
        String which = page.endsWith("/help") ? "/WEB-INF/pages/help.html" : "/WEB-INF/pages/index.html";
        URL url = getServletContext().getResource(which); // vigil: safe java/path-traversal
        response.getWriter().println(url == null ? "none" : "found"); // vigil: safe java/xss
    }

    void deleteTemp(HttpServletRequest request) throws IOException {
        String name = request.getHeader("X-Temp-Name");
        Files.deleteIfExists(Path.of("/tmp/uploads", name)); // vigil: expect java/path-traversal
    }

    void deleteTempEnv(HttpServletRequest request) throws IOException {
        String name = System.getenv("TEMP_NAME");
        Files.deleteIfExists(Path.of("/tmp/uploads", name)); // vigil: safe java/path-traversal
    }
}
