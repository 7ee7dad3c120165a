package corpus.taint.deser.spring;

import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Settings import: the body (or a header) carries serialized objects. */
@RestController
public class ImportController {

    @PostMapping("/import/java")
    public String importJava(@RequestBody byte[] body) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(body))) {
            Object settings = in.readObject(); // vigil: expect java/unsafe-deserialization
            return settings == null ? "empty" : "imported";
        }
    }

    @PostMapping("/import/java-local")
    public String importJavaLocal(@RequestBody byte[] body) throws IOException, ClassNotFoundException {
        byte[] saved = Files.readAllBytes(Path.of("/var/lib/app/settings.ser"));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved))) {
            Object settings = in.readObject(); // vigil: safe java/unsafe-deserialization
            return settings == null || body.length == 0 ? "empty" : "imported";
        }
    }

    @PostMapping("/import/header")
    public String importHeader(@RequestHeader("X-State") String state) throws IOException, ClassNotFoundException {
        byte[] raw = Base64.getUrlDecoder().decode(state.getBytes());
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            Object state2 = in.readObject(); // vigil: expect java/unsafe-deserialization
            return state2 == null ? "empty" : "imported";
        }
    }

    @PostMapping("/import/beans")
    public String importBeans(@RequestBody String xml) {
        try (XMLDecoder d = new XMLDecoder(new ByteArrayInputStream(xml.getBytes()))) {
            Object beans = d.readObject(); // vigil: expect java/unsafe-deserialization
            return beans == null ? "empty" : "imported";
        }
    }

    @PostMapping("/import/yaml-safe")
    public String importYamlSafe(@RequestBody String yamlText) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object o = yaml.load(yamlText); // vigil: safe java/unsafe-deserialization
        return o instanceof java.util.Map ? "imported" : "ignored";
    }

    @PostMapping("/import/yaml")
    public String importYaml(@RequestBody String yamlText) {
        Yaml yaml = new Yaml(); // vigil: expect java/unsafe-deserialization-config
        Object o = yaml.loadAs(yamlText, Object.class); // vigil: expect java/unsafe-deserialization
        return o instanceof java.util.Map ? "imported" : "ignored";
    }
}
