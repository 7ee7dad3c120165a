package dev.vigil.java.corpus;

import dev.vigil.core.scan.Notification;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a directory of corpus files into the {@link SourceSet} the analyzers see, as a scan of a real
 * project would: every file, decoded as UTF-8, with paths relative to the directory. The harness builds
 * it itself so that the corpus test depends only on the core contracts, not on the CLI's file walker.
 */
final class CorpusTree {

    /** Not part of the scanned program: the harness's own bookkeeping and build output. */
    static final String GAPS_FILE = "known-gaps.txt";
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", ".idea", "build", "node_modules");
    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts");
    /** What a scan reads as text; anything else (images, jars, class files) is not part of the program. */
    private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "properties", "yml", "yaml", "xml", "gradle", "kts");

    private CorpusTree() {
    }

    static SourceSet load(Path base) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        List<Path> buildFiles = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(base)) {
            paths = walk.filter(Files::isRegularFile)
                    .filter(p -> !skipped(base, p))
                    .sorted()
                    .toList();
        }
        for (Path path : paths) {
            String relative = relative(base, path);
            if (BUILD_FILES.contains(path.getFileName().toString())) {
                buildFiles.add(path);
            }
            if (relative.equals(GAPS_FILE) || !TEXT_EXTENSIONS.contains(extension(relative))) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(path);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                notifications.add(new Notification(Notification.Level.ERROR, relative, 0,
                        "not valid UTF-8 (corpus files must be UTF-8): " + e.getMessage()));
                continue;
            }
            boolean bom = text.startsWith("\uFEFF");
            if (bom) {
                text = text.substring(1);
            }
            files.add(new SourceFile(path, relative, text, StandardCharsets.UTF_8, bom, lineSeparator(text)));
        }
        return new SourceSet(base, files, buildFiles, notifications);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot < name.lastIndexOf('/') ? "" : name.substring(dot + 1);
    }

    static String relative(Path base, Path path) {
        return base.relativize(path).toString().replace('\\', '/');
    }

    private static boolean skipped(Path base, Path file) {
        Path rel = base.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            if (SKIPPED_DIRS.contains(rel.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }

    private static String lineSeparator(String text) {
        int n = text.indexOf('\n');
        if (n > 0 && text.charAt(n - 1) == '\r') {
            return "\r\n";
        }
        if (n < 0 && text.indexOf('\r') >= 0) {
            return "\r";
        }
        return "\n";
    }
}
