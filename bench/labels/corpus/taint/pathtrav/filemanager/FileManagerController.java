package corpus.taint.pathtrav.filemanager;

import java.io.IOException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A document manager: the controller passes client paths to the service, which passes them to storage. */
@RestController
public class FileManagerController {

    private final DocumentService documents;

    public FileManagerController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping("/docs/size")
    public long size(@RequestParam String path) throws IOException {
        return documents.sizeOf(path);
    }

    @GetMapping("/docs/size-checked")
    public long sizeChecked(@RequestParam String path) throws IOException {
        return documents.sizeOfChecked(path);
    }

    @DeleteMapping("/docs")
    public void delete(@RequestParam String path) throws IOException {
        documents.delete(path);
    }

    @DeleteMapping("/docs/by-id")
    public void deleteById(@RequestParam long id) throws IOException {
        documents.delete("doc-" + id + ".pdf");
    }
}
