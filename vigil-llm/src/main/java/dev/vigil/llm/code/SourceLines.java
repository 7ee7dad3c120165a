package dev.vigil.llm.code;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lines of the project's files, read once per run and confined to the project root: a SARIF file
 * is input from elsewhere, and a location like {@code ../../home/user/.ssh/id_rsa} must not be read
 * into a prompt.
 */
public final class SourceLines {

    /** Lines of a file, or why it could not be read. */
    public sealed interface Read {
        record Lines(List<String> lines) implements Read {
        }

        record Unavailable(String reason) implements Read {
        }
    }

    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private final Path root;
    private final Map<String, Read> cache = new ConcurrentHashMap<>();

    public SourceLines(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The lines of a file given relative to the root ('/' separators), read at most once per run. */
    public Read read(String relative) {
        return cache.computeIfAbsent(relative, this::load);
    }

    private Read load(String relative) {
        Path p;
        try {
            p = root.resolve(relative).normalize();
        } catch (RuntimeException e) {
            return new Read.Unavailable("not a valid path");
        }
        if (!p.startsWith(root)) {
            return new Read.Unavailable("outside the project root");
        }
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return new Read.Unavailable("links outside the project root");
            }
            if (Files.size(real) > MAX_BYTES) {
                return new Read.Unavailable("larger than 4 MiB");
            }
            byte[] bytes = Files.readAllBytes(real);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                text = new String(bytes, StandardCharsets.ISO_8859_1);
            }
            return new Read.Lines(text.lines().toList());
        } catch (IOException e) {
            return new Read.Unavailable("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
