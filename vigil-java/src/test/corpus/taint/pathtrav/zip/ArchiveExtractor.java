package corpus.taint.pathtrav.zip;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/** Library-style extraction helpers: entry names are attacker-controlled (Zip Slip). */
public final class ArchiveExtractor {

    private ArchiveExtractor() {
    }

    public static void unzip(InputStream archive, Path dest) throws IOException {
        try (ZipInputStream zis = new ZipInputStream(archive)) {
            ZipEntry entry;
            while ((entry = zis.getNextEntry()) != null) {
                Files.copy(zis, dest.resolve(entry.getName())); // vigil: expect java/path-traversal
            }
        }
    }

    public static void unzipChecked(InputStream archive, Path dest) throws IOException {
        Path root = dest.toAbsolutePath().normalize();
        try (ZipInputStream zis = new ZipInputStream(archive)) {
            ZipEntry entry;
            while ((entry = zis.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize(); // vigil: safe java/path-traversal
                if (!target.startsWith(root)) {
                    throw new IOException("entry outside target: " + entry.getName());
                }
                Files.copy(zis, target); // vigil: safe java/path-traversal
            }
        }
    }

    public static void extractAll(File zip, File destDir) throws IOException {
        try (ZipFile zf = new ZipFile(zip)) {
            var entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                try (OutputStream out = new FileOutputStream(destDir.getPath() + File.separator + e.getName()); // vigil: expect java/path-traversal
                     InputStream in = zf.getInputStream(e)) {
                    in.transferTo(out);
                }
            }
        }
    }

    public static void extractAllCanonical(File zip, File destDir) throws IOException {
        String destPath = destDir.getCanonicalPath() + File.separator;
        try (ZipFile zf = new ZipFile(zip)) {
            var entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                File out = new File(destDir, e.getName()).getCanonicalFile(); // vigil: safe java/path-traversal
                if (!out.getPath().startsWith(destPath)) {
                    throw new IOException("Zip Slip: " + e.getName());
                }
                try (OutputStream os = new FileOutputStream(out); // vigil: safe java/path-traversal
                     InputStream in = zf.getInputStream(e)) {
                    in.transferTo(os);
                }
            }
        }
    }

    public static void listOnly(InputStream archive, Path dest) throws IOException {
        try (ZipInputStream zis = new ZipInputStream(archive)) {
            ZipEntry entry;
            int n = 0;
            while ((entry = zis.getNextEntry()) != null) {
                n += entry.getName().length() > 0 ? 1 : 0;
            }
            Files.writeString(dest.resolve("count.txt"), Integer.toString(n)); // vigil: safe java/path-traversal
        }
    }
}
