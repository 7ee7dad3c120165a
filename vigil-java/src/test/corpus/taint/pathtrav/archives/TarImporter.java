package corpus.taint.pathtrav.archives;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Tar and generic archive extraction with Commons Compress: entry names decide the target path. */
public final class TarImporter {

    private TarImporter() {
    }

    public static void extract(InputStream tar, File dest) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            TarArchiveEntry e;
            while ((e = in.getNextTarEntry()) != null) {
                if (!e.isDirectory()) {
                    Files.copy(in, new File(dest, e.getName()).toPath(), StandardCopyOption.REPLACE_EXISTING); // vigil: expect java/path-traversal
                }
            }
        }
    }

    public static void extractFlat(InputStream tar, File dest) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            TarArchiveEntry e;
            int i = 0;
            while ((e = in.getNextTarEntry()) != null) {
                if (!e.isDirectory()) {
                    Files.copy(in, new File(dest, "entry-" + i++ + ".bin").toPath(), StandardCopyOption.REPLACE_EXISTING); // vigil: safe java/path-traversal
                }
            }
        }
    }

    public static void extractGeneric(ArchiveInputStream<? extends ArchiveEntry> in, Path dest) throws IOException {
        ArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            Path target = dest.resolve(e.getName()); // vigil: expect java/path-traversal
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING); // vigil: expect java/path-traversal
        }
    }

    public static void extractGenericChecked(ArchiveInputStream<? extends ArchiveEntry> in, Path dest) throws IOException {
        Path root = dest.normalize();
        ArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            Path target = root.resolve(e.getName()).normalize(); // vigil: safe java/path-traversal
            if (!target.startsWith(root)) {
                throw new IOException("Bad entry: " + e.getName());
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING); // vigil: safe java/path-traversal
        }
    }
}
