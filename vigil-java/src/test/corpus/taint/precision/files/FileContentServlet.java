package corpus.taint.precision.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A file named by the request is path traversal where it is opened; what the file holds comes from the
 * server's disk, not from the request, so writing it out is not cross-site scripting.
 */
public class FileContentServlet extends HttpServlet {

    private static final String IMAGES = "/var/shop/images";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        File f = new File(IMAGES, req.getParameter("name"));
        try (InputStream in = new FileInputStream(f); OutputStream out = resp.getOutputStream()) { // vigil: expect java/path-traversal
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n); // vigil: safe java/xss
            }
        }
    }

    void page(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path p = Paths.get("/srv/pages", req.getParameter("page"));
        String html = Files.readString(p); // vigil: expect java/path-traversal
        resp.getWriter().write(html); // vigil: safe java/xss
    }

    void lines(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("log");
        try (BufferedReader r = new BufferedReader(new FileReader("/var/log/app/" + name))) { // vigil: expect java/path-traversal
            resp.getWriter().println(r.readLine()); // vigil: safe java/xss
        }
    }

    void echoName(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        File f = new File(IMAGES, name);
        resp.getWriter().println("<p>" + f.getName() + "</p>"); // vigil: expect java/xss
    }
}
