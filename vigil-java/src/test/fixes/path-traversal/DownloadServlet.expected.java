package fixes.pathtrav;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class DownloadServlet extends HttpServlet {

    private static final String ROOT = "/srv/downloads";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        File file = new File(ROOT, name).getCanonicalFile();
        if (!file.toPath().startsWith(new File(ROOT).getCanonicalFile().toPath())) {
            throw new SecurityException("path escapes the base directory");
        }
        try (InputStream in = new FileInputStream(file)) {
            in.transferTo(response.getOutputStream());
        }
    }

    boolean exists(HttpServletRequest request) {
        File file = new File(ROOT, request.getParameter("file"));
        if (!file.toPath().normalize().startsWith(new File(ROOT).toPath().normalize())) {
            throw new SecurityException("path escapes the base directory");
        }
        return file.exists();
    }
}
