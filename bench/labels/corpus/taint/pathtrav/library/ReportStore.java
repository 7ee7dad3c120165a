package corpus.taint.pathtrav.library;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Report storage helpers shared by ReportServlet; the names come from the request there. */
public class ReportStore {

    private final String root;

    public ReportStore(String root) {
        this.root = root;
    }

    public String read(String name) throws IOException {
        try (BufferedReader r = new BufferedReader(new FileReader(root + "/" + name))) {
            return r.readLine();
        }
    }

    public String readNormalized(String name) throws IOException {
        Path base = Paths.get(root).toRealPath();
        Path p = base.resolve(name).toRealPath();
        if (!p.startsWith(base)) {
            throw new SecurityException("outside report root");
        }
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    public boolean exists(String name) {
        return new File(root, name).exists();
    }

    public boolean existsChecked(String name) {
        if (name.contains("..") || name.contains("/") || name.contains("\\")) {
            return false;
        }
        return new File(root, name).exists();
    }

    public void write(String name, String body) throws IOException {
        Files.write(Paths.get(root, name), body.getBytes(StandardCharsets.UTF_8));
    }

    public void writeBody(String name, String body) throws IOException {
        Files.write(Paths.get(root, "latest.txt"), body.getBytes(StandardCharsets.UTF_8));
    }

    public long size(String name) throws IOException {
        return Files.size(Path.of(root).resolve(name.toLowerCase()));
    }

    public void mkdirs(String year) throws IOException {
        Files.createDirectories(Path.of(root, String.valueOf(Integer.parseInt(year))));
    }
}
