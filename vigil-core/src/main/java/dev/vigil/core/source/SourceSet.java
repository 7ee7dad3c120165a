package dev.vigil.core.source;

import dev.vigil.core.scan.Notification;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one scan, decoded, plus the problems met while collecting them (unreadable files,
 * unknown encodings, binary files with a source extension). Build files (pom.xml, build.gradle) are
 * listed by path so analyses can look for the project's dependencies and language level.
 *
 * @param base the directory every {@link SourceFile#relativePath()} is relative to
 */
public record SourceSet(Path base, List<SourceFile> files, List<Path> buildFiles, List<Notification> notifications) {

    public SourceSet {
        files = List.copyOf(files);
        buildFiles = List.copyOf(buildFiles);
        notifications = List.copyOf(notifications);
    }

    public List<SourceFile> javaFiles() {
        return files.stream().filter(SourceFile::isJava).toList();
    }

    public List<SourceFile> propertiesFiles() {
        return files.stream().filter(SourceFile::isProperties).toList();
    }
}
