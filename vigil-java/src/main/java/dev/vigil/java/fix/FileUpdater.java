package dev.vigil.java.fix;

import dev.vigil.core.source.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes fixed files in place. A file whose content differs from what was analysed is refused. Every
 * file is first written in full to a temporary file beside it (same encoding, byte order mark and
 * permissions as the original); only when all of them are written does a rename replace each
 * original. A failure while writing leaves every original untouched; a rename is atomic, so each
 * file is either fully fixed or as it was.
 */
public final class FileUpdater {

    /** A file's text as analysed and its fixed text (both without the byte order mark). */
    public record Change(SourceFile original, String fixedText) {
    }

    /** What happened to each file: null when written, else why it was left alone. */
    public record Report(Map<String, String> refused, List<String> written) {
    }

    private FileUpdater() {
    }

    public static Report apply(List<Change> changes) throws IOException {
        Map<String, String> refused = new LinkedHashMap<>();
        List<Change> accepted = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (Change c : changes) {
            SourceFile f = c.original();
            String problem = changedSinceAnalysis(f);
            byte[] bytes = null;
            if (problem == null) {
                try {
                    bytes = encode(f, c.fixedText());
                } catch (CharacterCodingException e) {
                    problem = "the fixed text has characters " + f.charset() + " cannot encode";
                }
            }
            if (problem != null) {
                refused.put(f.relativePath(), problem);
            } else {
                accepted.add(c);
                contents.add(bytes);
            }
        }
        List<Path> temps = new ArrayList<>();
        try {
            for (int i = 0; i < accepted.size(); i++) {
                Path target = accepted.get(i).original().path().toAbsolutePath();
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".vigil-fix");
                temp.toFile().deleteOnExit();
                temps.add(temp);
                Files.write(temp, contents.get(i));
                copyPermissions(target, temp);
            }
        } catch (IOException | RuntimeException e) {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
            throw new IOException("no file was changed: cannot write the fixed files (" + e.getMessage() + ")", e);
        }
        List<String> written = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Path target = accepted.get(i).original().path().toAbsolutePath();
            try {
                try {
                    Files.move(temps.get(i), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temps.get(i), target, StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(accepted.get(i).original().relativePath());
            } catch (FileSystemException e) {
                Files.deleteIfExists(temps.get(i));
                refused.put(accepted.get(i).original().relativePath(), "cannot replace the file: " + e.getMessage());
            }
        }
        return new Report(refused, written);
    }

    /** Null when the file on disk still holds the analysed text, else what is wrong. */
    static String changedSinceAnalysis(SourceFile f) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f.path());
        } catch (IOException e) {
            return "cannot read the file any more: " + e.getMessage();
        }
        byte[] expected;
        try {
            expected = encode(f, f.text());
        } catch (CharacterCodingException e) {
            return "cannot re-encode the analysed text";
        }
        return Arrays.equals(sha256(bytes), sha256(expected)) ? null
                : "the file changed since it was analysed; run vigil fix again";
    }

    static byte[] encode(SourceFile f, String text) throws CharacterCodingException {
        CharsetEncoder encoder = f.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf = encoder.encode(CharBuffer.wrap(f.bom() ? "\uFEFF" + text : text));
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, perms);
        }
    }
}
