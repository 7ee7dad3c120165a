package corpus.taint.pathtrav.filemanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.stereotype.Component;

/** The only class that touches the file system. */
@Component
public class DocumentStorage {

    private final Path root = Paths.get("/srv/documents");

    long size(String relative) throws IOException {
        return Files.size(root.resolve(relative));
    }

    long sizeChecked(String relative) throws IOException {
        return Files.size(root.resolve(relative));
    }

    void delete(String relative) throws IOException {
        Files.delete(root.resolve(relative));
    }
}
