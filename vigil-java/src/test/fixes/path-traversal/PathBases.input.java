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
        Files.copy(ROOT.resolve(name), response.getOutputStream());
    }

    void report(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Files.copy(Paths.get(reports, id + ".pdf"), response.getOutputStream());
    }

    static void unzip(InputStream archive, Path dest) throws IOException {
        try (ZipInputStream zis = new ZipInputStream(archive)) {
            ZipEntry entry;
            while ((entry = zis.getNextEntry()) != null) {
                Files.copy(zis, dest.resolve(entry.getName()));
            }
        }
    }

    void upload(Part part) throws IOException {
        Path target = ROOT.resolve(part.getSubmittedFileName());
        part.write(target.toString());
        Files.setLastModifiedTime(target, null);
    }
}
