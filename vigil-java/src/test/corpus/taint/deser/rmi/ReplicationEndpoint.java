package corpus.taint.deser.rmi;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.NoTypePermission;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

/** Cluster replication over HTTP: peers post serialized cache entries. */
public class ReplicationEndpoint extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Part part = request.getPart("entry");
            try (ObjectInputStream ois = new ObjectInputStream(new BufferedInputStream(part.getInputStream()))) {
                Object entry = ois.readObject(); // vigil: expect java/unsafe-deserialization
                response.setStatus(entry == null ? 204 : 200);
            }
        } catch (ClassNotFoundException | javax.servlet.ServletException e) {
            response.sendError(400);
        }
    }

    Object snapshot(HttpServletRequest request) throws IOException, ClassNotFoundException {
        String name = request.getParameter("name");
        try (InputStream in = getClass().getResourceAsStream("/snapshots/base.ser");
             ObjectInputStream ois = new ObjectInputStream(in)) {
            return name == null ? null : ois.readObject(); // vigil: safe java/unsafe-deserialization
        }
    }

    Object xmlEntry(HttpServletRequest request) throws IOException {
        XStream xs = new XStream(); // vigil: safe java/unsafe-deserialization-config
        xs.addPermission(NoTypePermission.NONE);
        xs.allowTypes(new Class<?>[] {CacheEntry.class});
        return xs.fromXML(request.getInputStream()); // vigil: safe java/unsafe-deserialization
    }

    Object xmlEntryOpen(HttpServletRequest request) throws IOException {
        XStream xs = new XStream(); // vigil: expect java/unsafe-deserialization-config
        return xs.fromXML(request.getReader()); // vigil: expect java/unsafe-deserialization
    }

    record CacheEntry(String key, String value) {
    }
}
