package corpus.taint.reflection.plugins;

import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Instantiates export plugins by name. */
@RestController
public class PluginLoader {

    private static final String PACKAGE = "corpus.taint.reflection.plugins.";
    private static final Map<String, String> BY_FORMAT = Map.of(
            "csv", PACKAGE + "CsvExporter",
            "pdf", PACKAGE + "PdfExporter");
    private static final Set<String> ALLOWED = Set.of(PACKAGE + "CsvExporter", PACKAGE + "PdfExporter");

    @GetMapping("/export")
    public Object export(@RequestParam String type) throws ReflectiveOperationException {
        Class<?> c = Class.forName(type); // vigil: expect java/unsafe-reflection
        return c.getDeclaredConstructor().newInstance();
    }

    @GetMapping("/export/format")
    public Object exportFormat(@RequestParam String format) throws ReflectiveOperationException {
        String className = BY_FORMAT.getOrDefault(format, PACKAGE + "CsvExporter");
        return Class.forName(className).getDeclaredConstructor().newInstance(); // vigil: safe java/unsafe-reflection
    }

    @GetMapping("/export/allowed")
    public Object exportAllowed(@RequestParam String type) throws ReflectiveOperationException {
        if (!ALLOWED.contains(type)) {
            throw new IllegalArgumentException("unknown exporter");
        }
        return Class.forName(type).getDeclaredConstructor().newInstance(); // vigil: safe java/unsafe-reflection
    }

    @GetMapping("/export/suffix")
    public Object exportSuffix(@RequestParam String format) throws ReflectiveOperationException {
        return Class.forName(PACKAGE + format + "Exporter").getDeclaredConstructor().newInstance(); // vigil: expect java/unsafe-reflection
    }

    @GetMapping("/export/loader")
    public Object exportLoader(@RequestParam String type) throws ReflectiveOperationException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl.loadClass(type).getDeclaredConstructor().newInstance(); // vigil: expect java/unsafe-reflection
    }

    @GetMapping("/export/loader-fixed")
    public Object exportLoaderFixed(@RequestParam String type) throws ReflectiveOperationException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        String chosen = type.equals("pdf") ? PACKAGE + "PdfExporter" : PACKAGE + "CsvExporter";
        return cl.loadClass(chosen).getDeclaredConstructor().newInstance(); // vigil: safe java/unsafe-reflection
    }

    @GetMapping("/export/initialize")
    public Object exportInit(@RequestParam String type) throws ReflectiveOperationException {
        return Class.forName(type.strip(), true, getClass().getClassLoader()); // vigil: expect java/unsafe-reflection
    }

    @GetMapping("/export/initialize-env")
    public Object exportInitEnv(@RequestParam String type) throws ReflectiveOperationException {
        String configured = System.getenv("EXPORTER_CLASS");
        return Class.forName(configured.strip(), true, getClass().getClassLoader()); // vigil: safe java/unsafe-reflection
    }
}
