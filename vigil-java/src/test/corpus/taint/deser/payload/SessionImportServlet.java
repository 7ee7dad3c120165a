package corpus.taint.deser.payload;

import com.thoughtworks.xstream.XStream;
import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Imports saved state sent by the client in several serialization formats. */
public class SessionImportServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (ObjectInputStream ois = new ObjectInputStream(request.getInputStream())) {
            Object state = ois.readObject(); // vigil: expect java/unsafe-deserialization
            response.setStatus(state == null ? 204 : 200);
        } catch (ClassNotFoundException e) {
            response.sendError(400);
        }
    }

    Object defaults() throws IOException, ClassNotFoundException {
        try (InputStream in = SessionImportServlet.class.getResourceAsStream("/defaults.ser");
             ObjectInputStream ois = new ObjectInputStream(in)) {
            return ois.readObject(); // vigil: safe java/unsafe-deserialization
        }
    }

    Object fromCookie(HttpServletRequest request) throws IOException, ClassNotFoundException {
        String token = request.getCookies()[0].getValue();
        byte[] raw = Base64.getDecoder().decode(token);
        try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return ois.readObject(); // vigil: expect java/unsafe-deserialization
        }
    }

    Object fromCookieLength(HttpServletRequest request) throws IOException, ClassNotFoundException {
        String token = request.getCookies()[0].getValue();
        byte[] raw = Base64.getDecoder().decode("rO0ABXQABWVtcHR5");
        try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return token.isEmpty() ? null : ois.readObject(); // vigil: safe java/unsafe-deserialization
        }
    }

    Object beans(HttpServletRequest request) throws IOException {
        try (XMLDecoder decoder = new XMLDecoder(request.getInputStream())) {
            return decoder.readObject(); // vigil: expect java/unsafe-deserialization
        }
    }

    Object beansBundled() {
        try (XMLDecoder decoder = new XMLDecoder(SessionImportServlet.class.getResourceAsStream("/layout.xml"))) {
            return decoder.readObject(); // vigil: safe java/unsafe-deserialization
        }
    }

    Object yaml(HttpServletRequest request) throws IOException {
        String body = new String(request.getInputStream().readAllBytes());
        Yaml yaml = new Yaml(); // vigil: expect java/unsafe-deserialization-config
        return yaml.load(body); // vigil: expect java/unsafe-deserialization
    }

    Object yamlSafe(HttpServletRequest request) throws IOException {
        String body = new String(request.getInputStream().readAllBytes());
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return yaml.load(body); // vigil: safe java/unsafe-deserialization
    }

    Object xstream(HttpServletRequest request) throws IOException {
        String xml = new String(request.getInputStream().readAllBytes());
        XStream xs = new XStream(); // vigil: expect java/unsafe-deserialization-config
        return xs.fromXML(xml); // vigil: expect java/unsafe-deserialization
    }
}
