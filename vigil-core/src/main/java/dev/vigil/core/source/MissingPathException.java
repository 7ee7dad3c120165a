package dev.vigil.core.source;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A path the user asked to scan does not exist. A usage error, not a scan problem: nothing is scanned. */
public final class MissingPathException extends RuntimeException {

    private final List<Path> paths;

    public MissingPathException(List<Path> paths) {
        super((paths.size() == 1 ? "path not found: " : "paths not found: ")
                + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
        this.paths = List.copyOf(paths);
    }

    public List<Path> paths() {
        return paths;
    }
}
