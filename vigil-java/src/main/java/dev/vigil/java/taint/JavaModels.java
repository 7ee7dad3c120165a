package dev.vigil.java.taint;

import dev.vigil.core.models.ModelLoader;
import dev.vigil.core.models.ModelRow;
import dev.vigil.core.models.ModelSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The models the taint engine runs with: the bundled files (resources listed in
 * {@code dev/vigil/java/models/index}), the project's {@code .vigil/models/*.yml}, and files named on the
 * command line. A malformed file is an error naming the file and line.
 */
public final class JavaModels {

    private static volatile List<ModelRow> bundled;

    private JavaModels() {
    }

    public static ModelSet load(Path projectBase, List<Path> extraFiles) {
        List<ModelRow> rows = new ArrayList<>(bundled());
        if (projectBase != null) {
            Path dir = projectBase.resolve(".vigil").resolve("models");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                            .sorted().toList()) {
                        rows.addAll(ModelLoader.load(f));
                    }
                } catch (IOException e) {
                    throw new ModelLoader.ModelException(dir + ": cannot list model files: " + e.getMessage());
                }
            }
        }
        for (Path f : extraFiles) {
            rows.addAll(ModelLoader.load(f));
        }
        return new ModelSet(rows);
    }

    /** The bundled rows, parsed once per JVM. */
    public static List<ModelRow> bundled() {
        List<ModelRow> b = bundled;
        if (b == null) {
            List<ModelRow> rows = new ArrayList<>();
            for (String line : read("index").split("\\R")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    rows.addAll(ModelLoader.parse("bundled:" + name, read(name)));
                }
            }
            b = List.copyOf(rows);
            bundled = b;
        }
        return b;
    }

    private static String read(String name) {
        String path = "/dev/vigil/java/models/" + name;
        try (InputStream in = JavaModels.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled model " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
