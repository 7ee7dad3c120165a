package fixes.pathtrav;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class WholeAndPrefixedPaths {

    private final String root = "/srv/reports";
    private ServletContext context;

    boolean exists(String name) {
        return new File(root, name).exists();
    }

    boolean existsOnly(HttpServletRequest request) {
        String name = request.getParameter("name");
        File report = new File(root, name);
        if (!report.toPath().normalize().startsWith(new File(root).toPath().normalize())) {
            throw new SecurityException("path escapes the base directory");
        }
        return report.isFile();
    }

    void importTo(HttpServletRequest request) throws IOException {
        String target = request.getReader().readLine();
        // A path from input may only name a file under the working directory, where a relative name resolves.
        Path path = Paths.get(target);
        if (!path.toAbsolutePath().normalize().startsWith(Paths.get("").toAbsolutePath())) {
            throw new SecurityException("path escapes the working directory");
        }
        Files.write(path, "imported".getBytes(StandardCharsets.UTF_8));
    }

    long size(HttpServletRequest request) {
        String name = request.getParameter("name");
        // A path from input may only name a file under the working directory, where a relative name resolves.
        File file = new File(name);
        if (!file.toPath().toAbsolutePath().normalize().startsWith(Paths.get("").toAbsolutePath())) {
            throw new SecurityException("path escapes the working directory");
        }
        return file.length();
    }

    void open(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        // A path from input may only name a file under the working directory, where a relative name resolves.
        File file = new File(name);
        if (!file.toPath().toAbsolutePath().normalize().startsWith(Paths.get("").toAbsolutePath())) {
            throw new SecurityException("path escapes the working directory");
        }
        new FileInputStream(file).close();
    }

    void help(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getParameter("page");
        String path = "/WEB-INF/help/" + page + ".html";
        if (path.contains("..")) {
            throw new SecurityException("path escapes the base directory");
        }
        try (InputStream in = context.getResourceAsStream(path)) {
            if (in != null) {
                in.close();
            }
        }
    }

    URL resource(HttpServletRequest request) throws IOException {
        String page = request.getPathInfo();
        String path = "/WEB-INF/pages" + page;
        if (path.contains("..")) {
            throw new SecurityException("path escapes the base directory");
        }
        return context.getResource(path);
    }

    long realPath(HttpServletRequest request) {
        String page = request.getPathInfo();
        String path = "/WEB-INF/help" + page;
        if (path.contains("..")) {
            throw new SecurityException("path escapes the base directory");
        }
        String file = context.getRealPath(path);
        return file == null ? 0 : new File(file).length();
    }

    void upload(HttpServletRequest request, boolean report) throws IOException {
        String param = request.getParameter("file");
        String path;
        if (report) {
            path = "/srv/reports/latest.pdf";
        } else {
            path = "/srv/uploads/" + param;
        }
        if (path.contains("..")) {
            throw new SecurityException("path escapes the base directory");
        }
        new FileInputStream(path).close();
    }

    long fixedName() {
        return new File("/srv/reports/latest.pdf").length();
    }

    long idName(HttpServletRequest request) {
        int id = Integer.parseInt(request.getParameter("id"));
        return new File("/srv/reports/" + id + ".pdf").length();
    }

    void export(HttpServletRequest request) throws IOException {
        save(request.getParameter("to"), "report");
    }

    private static void save(String to, String body) throws IOException {
        // Refused: callers give the whole path; limiting it here would limit them all.
        Files.write(Paths.get(to), body.getBytes(StandardCharsets.UTF_8));
    }
}
