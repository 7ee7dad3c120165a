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
        try (BufferedReader r = new BufferedReader(new FileReader(root + "/" + name))) {
            return r.readLine();
        }
    }

    public void save(Part part, String body) throws IOException {
        try (FileWriter w = new FileWriter("/var/avatars/" + part.getSubmittedFileName(), true)) {
            w.write(body);
        }
    }

    public void copy(File destDir, HttpServletRequest request, byte[] data) throws IOException {
        String entry = request.getParameter("entry");
        try (OutputStream out = new FileOutputStream(destDir.getPath() + File.separator + entry)) {
            out.write(data);
        }
    }
}
