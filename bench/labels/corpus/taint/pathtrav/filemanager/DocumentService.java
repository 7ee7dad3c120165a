package corpus.taint.pathtrav.filemanager;

import java.io.IOException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

@Service
public class DocumentService {

    private final DocumentStorage storage;

    public DocumentService(DocumentStorage storage) {
        this.storage = storage;
    }

    long sizeOf(String path) throws IOException {
        return storage.size(StringUtils.cleanPath(path));
    }

    long sizeOfChecked(String path) throws IOException {
        String clean = StringUtils.cleanPath(path);
        if (clean.startsWith("..") || clean.contains("/..") || clean.startsWith("/")) {
            throw new IOException("path leaves the document root: " + path);
        }
        return storage.sizeChecked(clean);
    }

    void delete(String name) throws IOException {
        storage.delete(name);
    }
}
