package fixes.pathtrav;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.OutputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;

public class ConcatenatedNames {

    private final String root;

    ConcatenatedNames(String root) {
        this.root = root;
    }

    public String read(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        File file = new File(root + "/" + name).getCanonicalFile();
        if (!file.toPath().startsWith(new File(root).getCanonicalFile().toPath())) {
            throw new SecurityException("path escapes the base directory");
        }
        try (BufferedReader r = new BufferedReader(new FileReader(file))) {
            return r.readLine();
        }
    }

    public void save(Part part, String body) throws IOException {
        File file = new File("/var/avatars/" + part.getSubmittedFileName()).getCanonicalFile();
        if (!file.toPath().startsWith(new File("/var/avatars/").getCanonicalFile().toPath())) {
            throw new SecurityException("path escapes the base directory");
        }
        try (FileWriter w = new FileWriter(file, true)) {
            w.write(body);
        }
    }

    public void copy(File destDir, HttpServletRequest request, byte[] data) throws IOException {
        String entry = request.getParameter("entry");
        File file = new File(destDir.getPath() + File.separator + entry).getCanonicalFile();
        if (!file.toPath().startsWith(new File(destDir.getPath()).getCanonicalFile().toPath())) {
            throw new SecurityException("path escapes the base directory");
        }
        try (OutputStream out = new FileOutputStream(file)) {
            out.write(data);
        }
    }
}
