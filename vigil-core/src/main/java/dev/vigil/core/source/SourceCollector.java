package dev.vigil.core.source;

import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the paths a user gave into a {@link SourceSet}: walks directories, honours .gitignore files
 * and the include / exclude globs, skips build output, decodes each file and records every file it
 * had to skip as a {@link Notification} naming the file and the reason, so nothing is skipped silently.
 */
public final class SourceCollector {

    /** Directories that hold build output, VCS data or IDE state, never sources worth scanning. */
    static final Set<String> SKIPPED_DIRECTORIES =
            Set.of("target", "build", "out", ".git", "node_modules", ".gradle", ".idea");

    static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts");

    private static final Pattern SOURCE_ENCODING =
            Pattern.compile("<project\\.build\\.sourceEncoding>\\s*([^<\\s]+)\\s*</project\\.build\\.sourceEncoding>");

    /**
     * @param includes globs a source file must match (any of them) to be scanned; empty means all
     * @param excludes globs of files and directories to leave out
     * @param maxFileBytes files larger than this are skipped (generated code, minified data)
     * @param jobs threads for reading and decoding
     */
    public record Options(List<String> includes, List<String> excludes, long maxFileBytes, int jobs) {

        public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

        public Options {
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
            if (maxFileBytes < 1) {
                throw new IllegalArgumentException("maxFileBytes must be >= 1");
            }
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be >= 1");
            }
        }

        public static Options defaults() {
            return new Options(List.of(), List.of(), DEFAULT_MAX_FILE_BYTES,
                    Math.max(1, Runtime.getRuntime().availableProcessors()));
        }

        public Options withIncludes(List<String> globs) {
            return new Options(globs, excludes, maxFileBytes, jobs);
        }

        public Options withExcludes(List<String> globs) {
            return new Options(includes, globs, maxFileBytes, jobs);
        }

        public Options withMaxFileBytes(long bytes) {
            return new Options(includes, excludes, bytes, jobs);
        }

        public Options withJobs(int n) {
            return new Options(includes, excludes, maxFileBytes, n);
        }
    }

    private final Options options;
    private final List<Glob> includes;
    private final List<Glob> excludes;

    public SourceCollector(Options options) {
        this.options = options;
        this.includes = options.includes().stream().map(Glob::compile).toList();
        this.excludes = options.excludes().stream().map(Glob::compile).toList();
    }

    /**
     * Collects the sources under {@code roots}.
     *
     * @throws MissingPathException when a root does not exist (nothing is scanned then: a typo in a
     *     path must not pass for a clean scan)
     */
    public SourceSet collect(List<Path> roots) {
        return collect(roots, Progress.NONE);
    }

    /** As {@link #collect(List)}, reporting the files read to {@code progress} (phase "reading"). */
    public SourceSet collect(List<Path> roots, Progress progress) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no path to scan");
        }
        List<Path> absolute = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path root : roots) {
            if (Files.exists(root)) {
                absolute.add(root.toAbsolutePath().normalize());
            } else {
                missing.add(root);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingPathException(missing);
        }
        Walk walk = new Walk(baseOf(absolute));
        for (Path root : absolute) {
            if (Files.isDirectory(root)) {
                walk.directory(root, walk.ancestorIgnores(root), new HashSet<>());
            } else {
                walk.explicitFile(root);
            }
        }
        Map<Path, Charset> declared = walk.declaredEncodings();
        List<Notification> notifications = new ArrayList<>(walk.notifications);
        List<SourceFile> files = new ArrayList<>();
        progress.start("reading", walk.candidates.size());
        for (Read read : readAll(walk.candidates, declared, walk.base, progress)) {
            if (read.file() != null) {
                files.add(read.file());
            }
            if (read.notification() != null) {
                notifications.add(read.notification());
            }
        }
        return new SourceSet(walk.base, files, walk.buildFiles, notifications);
    }

    /** The single root directory, or the deepest directory containing every root. */
    static Path baseOf(List<Path> roots) {
        Path base = null;
        for (Path root : roots) {
            Path dir = Files.isDirectory(root) ? root : root.getParent();
            if (base == null) {
                base = dir;
            } else {
                while (!dir.startsWith(base)) {
                    base = base.getParent();
                }
            }
        }
        return base;
    }

    static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    static boolean isSourceName(String name) {
        return name.endsWith(".java") || name.endsWith(".properties");
    }

    /** The state of one directory walk: what it found and what it had to say about it. */
    private final class Walk {
        final Path base;
        final List<Path> candidates = new ArrayList<>();
        final Set<Path> seenFiles = new HashSet<>();
        final Set<Path> seenDirectories = new HashSet<>();
        final List<Path> buildFiles = new ArrayList<>();
        final List<Notification> notifications = new ArrayList<>();

        Walk(Path base) {
            this.base = base;
        }

        String relative(Path p) {
            return slashes(base.relativize(p));
        }

        /**
         * The .gitignore files above a scanned directory, up to its repository root, so that scanning
         * {@code src} inside a repository honours the repository's top-level .gitignore too.
         */
        IgnoreStack ancestorIgnores(Path root) {
            List<Path> chain = new ArrayList<>();
            Path repo = null;
            if (Files.exists(root.resolve(".git"))) {
                return IgnoreStack.EMPTY; // a repository root: an enclosing repository's rules do not apply
            }
            for (Path p = root.getParent(); p != null; p = p.getParent()) {
                chain.add(p);
                if (Files.exists(p.resolve(".git"))) {
                    repo = p;
                    break;
                }
            }
            IgnoreStack stack = IgnoreStack.EMPTY;
            if (repo == null) {
                return stack;
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                IgnoreFile file = readIgnoreFile(chain.get(i));
                if (file != null) {
                    stack = stack.with(file);
                }
            }
            return stack;
        }

        private IgnoreFile readIgnoreFile(Path dir) {
            Path file = dir.resolve(".gitignore");
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                // File names are UTF-8 wherever Vigil runs; a stray byte must not lose the whole file.
                return IgnoreFile.parse(slashes(dir), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                String name = file.startsWith(base) ? relative(file) : file.toString();
                notifications.add(Notification.warning(name, "cannot read: " + reason(e)
                        + "; its ignore rules are not applied"));
                return null;
            }
        }

        void explicitFile(Path file) {
            String name = file.getFileName().toString();
            if (BUILD_FILES.contains(name)) {
                buildFiles.add(file);
            } else if (isSourceName(name)) {
                if (seenFiles.add(file)) {
                    candidates.add(file);
                }
            } else {
                notifications.add(Notification.warning(relative(file),
                        "not a .java or .properties file; skipped"));
            }
        }

        /** @param ancestors real paths of the directories above this one in the current walk, for loop detection */
        void directory(Path dir, IgnoreStack inherited, Set<Path> ancestors) {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                notifications.add(Notification.warning(relative(dir), "cannot read directory: " + reason(e)));
                return;
            }
            if (ancestors.contains(real)) {
                notifications.add(Notification.warning(relative(dir),
                        "symbolic link loop (points back to " + real + "); not followed"));
                return;
            }
            if (!seenDirectories.add(real)) {
                return; // reached twice (overlapping roots or a link to a sibling): scanned once is enough
            }
            IgnoreFile own = readIgnoreFile(dir);
            IgnoreStack ignores = own == null ? inherited : inherited.with(own);
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            } catch (IOException e) {
                notifications.add(Notification.warning(relative(dir), "cannot read directory: " + reason(e)));
                return;
            }
            Set<Path> chain = new HashSet<>(ancestors);
            chain.add(real);
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String rel = relative(entry);
                String abs = slashes(entry);
                if (Files.isDirectory(entry)) {
                    if (!SKIPPED_DIRECTORIES.contains(name) && !ignores.ignored(abs, true) && !excluded(rel)) {
                        directory(entry, ignores, chain);
                    }
                    continue;
                }
                boolean build = BUILD_FILES.contains(name);
                if (!build && !isSourceName(name) || ignores.ignored(abs, false) || excluded(rel)) {
                    continue;
                }
                if (!Files.exists(entry)) {
                    notifications.add(Notification.warning(rel, "cannot read: broken symbolic link"));
                } else if (!Files.isRegularFile(entry)) {
                    notifications.add(Notification.warning(rel, "not a regular file; skipped"));
                } else if (build) {
                    buildFiles.add(entry);
                } else if (included(rel) && seenFiles.add(entry)) {
                    candidates.add(entry);
                }
            }
        }

        /** The encoding each Maven module declares, by module directory. */
        Map<Path, Charset> declaredEncodings() {
            Map<Path, Charset> byDirectory = new HashMap<>();
            for (Path buildFile : buildFiles) {
                if (!buildFile.getFileName().toString().equals("pom.xml")) {
                    continue;
                }
                try {
                    Matcher m = SOURCE_ENCODING.matcher(Files.readString(buildFile, StandardCharsets.ISO_8859_1));
                    if (m.find()) {
                        byDirectory.put(buildFile.getParent(), Charset.forName(m.group(1)));
                    }
                } catch (IOException | IllegalCharsetNameException | UnsupportedCharsetException e) {
                    notifications.add(Notification.warning(relative(buildFile),
                            "cannot use the declared source encoding: " + reason(e)));
                }
            }
            return byDirectory;
        }
    }

    private boolean excluded(String relativePath) {
        for (Glob g : excludes) {
            if (g.matches(relativePath)) {
                return true;
            }
        }
        return false;
    }

    private boolean included(String relativePath) {
        if (includes.isEmpty()) {
            return true;
        }
        for (Glob g : includes) {
            if (g.matchesPathOrParent(relativePath)) {
                return true;
            }
        }
        return false;
    }

    /** One file read: the decoded file, a notification, or both (a decoded file with a warning). */
    private record Read(SourceFile file, Notification notification) {
    }

    private List<Read> readAll(List<Path> paths, Map<Path, Charset> declared, Path base, Progress progress) {
        if (paths.isEmpty()) {
            return List.of();
        }
        ForkJoinPool pool = new ForkJoinPool(options.jobs());
        try {
            // parallelStream().toList() keeps the walk order, so reports are stable across runs.
            return pool.submit(() -> paths.parallelStream().map(p -> {
                Read r = read(p, declared, base);
                progress.advance(1);
                return r;
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading sources under " + base, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading sources failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private Read read(Path path, Map<Path, Charset> declared, Path base) {
        String rel = slashes(base.relativize(path));
        try {
            long size = Files.size(path);
            if (size > options.maxFileBytes()) {
                return new Read(null, Notification.warning(rel, "skipped: " + megabytes(size)
                        + " is larger than the limit of " + megabytes(options.maxFileBytes())));
            }
            byte[] bytes = Files.readAllBytes(path);
            Charset projectEncoding = declaredFor(path, declared);
            return switch (SourceDecoder.decode(bytes, projectEncoding)) {
                case SourceDecoder.Result.Binary b -> new Read(null,
                        Notification.warning(rel, "skipped: binary content (NUL bytes) in a source file"));
                case SourceDecoder.Result.Text t -> {
                    SourceFile file = new SourceFile(path, rel, t.text(), t.charset(), t.bom(),
                            SourceDecoder.lineSeparator(t.text()));
                    Notification note = t.fallback() == null ? null : switch (t.fallback()) {
                        case DECLARED -> new Notification(Notification.Level.NOTE, rel, 0,
                                "not valid UTF-8; decoded as " + t.charset().name()
                                        + ", the project's declared source encoding");
                        case LATIN1 -> Notification.warning(rel,
                                "not valid UTF-8; decoded as ISO-8859-1 (non-ASCII characters may be wrong)");
                    };
                    yield new Read(file, note);
                }
            };
        } catch (IOException e) {
            return new Read(null, Notification.warning(rel, "cannot read: " + reason(e)));
        }
    }

    private static Charset declaredFor(Path file, Map<Path, Charset> declared) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            Charset c = declared.get(dir);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String reason(Throwable e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
