package fixes.pathtrav;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

public class PathBases {

    private static final Path ROOT = Paths.get("/srv/files");
    private final String reports = "/srv/reports";

    void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        Path path = ROOT.resolve(name).normalize();
        if (!path.startsWith(ROOT.normalize())) {
            throw new SecurityException("path escapes the base directory");
        }
        Files.copy(path, response.getOutputStream());
    }

    void report(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Path path = Paths.get(reports, id + ".pdf").normalize();
        if (!path.startsWith(Paths.get(reports).normalize())) {
            throw new SecurityException("path escapes the base directory");
        }
        Files.copy(path, response.getOutputStream());
    }

    static void unzip(InputStream archive, Path dest) throws IOException {
        try (ZipInputStream zis = new ZipInputStream(archive)) {
            ZipEntry entry;
            while ((entry = zis.getNextEntry()) != null) {
                Path path = dest.resolve(entry.getName()).normalize();
                if (!path.startsWith(dest.normalize())) {
                    throw new SecurityException("path escapes the base directory");
                }
                Files.copy(zis, path);
            }
        }
    }

    void upload(Part part) throws IOException {
        Path target = ROOT.resolve(part.getSubmittedFileName()).normalize();
        if (!target.startsWith(ROOT.normalize())) {
            throw new SecurityException("path escapes the base directory");
        }
        part.write(target.toString());
        Files.setLastModifiedTime(target, null);
    }
}
