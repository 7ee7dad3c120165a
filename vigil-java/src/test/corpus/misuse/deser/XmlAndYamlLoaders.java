package corpus.misuse.deser;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.AnyTypePermission;
import com.thoughtworks.xstream.security.NoTypePermission;
import java.io.Reader;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loads saved shopping carts (XStream) and pipeline definitions (YAML). */
public class XmlAndYamlLoaders {

    /** A cart saved by the storefront. */
    public static final class Cart {
        public String owner;
        public java.util.List<String> skus;
    }

    /** A CI pipeline definition. */
    public static final class Pipeline {
        public String name;
        public java.util.List<String> steps;
    }

    public Cart cartWithoutAllowList(String xml) {
        XStream xstream = new XStream(); // vigil: expect java/unsafe-deserialization-config
        xstream.alias("cart", Cart.class);
        return (Cart) xstream.fromXML(xml);
    }

    public Cart cartWithAllowList(String xml) {
        XStream xstream = new XStream(); // vigil: safe java/unsafe-deserialization-config
        xstream.allowTypes(new Class<?>[] {Cart.class});
        xstream.alias("cart", Cart.class);
        return (Cart) xstream.fromXML(xml);
    }

    public Cart cartWithWildcardAllowList(String xml) {
        XStream xstream = new XStream(); // vigil: safe java/unsafe-deserialization-config
        xstream.addPermission(NoTypePermission.NONE);
        xstream.allowTypesByWildcard(new String[] {"corpus.misuse.deser.**"});
        return (Cart) xstream.fromXML(xml);
    }

    /** The permission is explicitly opened up again: reported on that call. */
    public Cart cartWithAnyTypePermission(String xml) {
        XStream xstream = new XStream();
        xstream.addPermission(AnyTypePermission.ANY); // vigil: expect java/unsafe-deserialization-config
        return (Cart) xstream.fromXML(xml);
    }

    public Map<String, Object> pipelineDefault(Reader yaml) {
        Yaml parser = new Yaml(); // vigil: expect java/unsafe-deserialization-config
        return parser.load(yaml);
    }

    public Map<String, Object> pipelineSafe(Reader yaml) {
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions())); // vigil: safe java/unsafe-deserialization-config
        return parser.load(yaml);
    }

    /** A typed root still lets global tags pick nested classes (SnakeYAML 1.x). */
    public Pipeline pipelineTypedConstructor(Reader yaml) {
        Yaml parser = new Yaml(new Constructor(Pipeline.class, new LoaderOptions())); // vigil: expect java/unsafe-deserialization-config
        return parser.load(yaml);
    }

    public Map<String, Object> pipelineSafeWithOptions(Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        SafeConstructor constructor = new SafeConstructor(options);
        Yaml parser = new Yaml(constructor); // vigil: safe java/unsafe-deserialization-config
        return parser.load(yaml);
    }
}
