package corpus.taint.pathtrav.uploads;

import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.servlet.http.Part;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads: client-chosen file names against server-chosen ones. */
@RestController
public class AvatarController {

    private final Path store = Path.of("/var/avatars");

    @PostMapping("/avatar")
    public String upload(@RequestParam("file") MultipartFile file) throws IOException {
        Path target = store.resolve(file.getOriginalFilename());
        file.transferTo(target); // vigil: expect java/path-traversal
        return "ok";
    }

    @PostMapping("/avatar/random")
    public String uploadRandom(@RequestParam("file") MultipartFile file) throws IOException {
        Path target = store.resolve(UUID.randomUUID() + ".png"); // vigil: safe java/path-traversal
        file.transferTo(target);
        return "ok";
    }

    @PostMapping("/avatar/uuid/{id}")
    public String uploadNamed(@PathVariable String id, @RequestParam("file") MultipartFile file) throws IOException {
        Path target = store.resolve(UUID.fromString(id) + ".png"); // vigil: safe java/path-traversal
        file.transferTo(target);
        return "ok";
    }

    @PostMapping("/avatar/name/{id}")
    public String uploadNamedRaw(@PathVariable String id, @RequestParam("file") MultipartFile file) throws IOException {
        Path target = store.resolve(id + ".png");
        file.transferTo(target); // vigil: expect java/path-traversal
        return "ok";
    }

    public void savePart(Part part) throws IOException {
        String name = part.getSubmittedFileName();
        try (FileWriter w = new FileWriter("/var/avatars/" + name)) { // vigil: expect java/path-traversal
            w.write("placeholder");
        }
    }

    public void savePartSize(Part part) throws IOException {
        long size = part.getSize();
        try (RandomAccessFile raf = new RandomAccessFile("/var/avatars/index.dat", "rw")) { // vigil: safe java/path-traversal
            raf.writeLong(size);
        }
    }

    public void appendIndex(Part part) throws IOException {
        String name = part.getSubmittedFileName();
        Files.writeString(store.resolve("index.txt"), name); // vigil: safe java/path-traversal
    }
}
