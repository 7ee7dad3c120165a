package dev.vigil.java.fix;

import dev.vigil.core.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the project's own test command to verify fixes ({@code --verify tests}). The user's files are
 * never touched: the project tree is copied (without build output and VCS directories) to a temporary
 * directory, the tests run there once without fixes (the baseline) and then with the fixed files
 * written into the copy. The command's output goes to a log file in the copy; only its first lines are
 * quoted in a rejection.
 */
public final class ProjectTests implements AutoCloseable {

    /** Directories not copied: build output, VCS data, Vigil's own cache, dependencies. */
    private static final Set<String> SKIPPED = Set.of("target", "build", "out", ".git", ".hg", ".svn", ".gradle",
            ".vigil", "node_modules", ".idea");
    private static final int EXCERPT_LINES = 3;

    /** The outcome of one run of the test command. */
    public record Run(boolean passed, String problem) {
    }

    private final Path projectRoot;
    private final List<String> command;
    private final String display;
    private final Duration timeout;
    private final Consumer<String> progress;
    private final Set<String> hidden = new java.util.HashSet<>();
    private Path copy;
    private Run baseline;

    private ProjectTests(Path projectRoot, List<String> command, String display, Duration timeout, Consumer<String> progress) {
        this.projectRoot = projectRoot;
        this.command = List.copyOf(command);
        this.display = display;
        this.timeout = timeout;
        this.progress = progress;
    }

    /**
     * The test command of a project: {@code userCommand} when given (run with {@code sh -c}), else
     * Maven ({@code ./mvnw} or {@code mvn -B -q test}) or Gradle ({@code ./gradlew test} or
     * {@code gradle test}). The project is the nearest directory from {@code start} upwards with a
     * Maven or Gradle build; a user command runs there too, or in {@code start} when there is none.
     *
     * @throws IllegalArgumentException when no test command can be found or its tool is not installed
     */
    public static ProjectTests detect(Path start, String userCommand, Duration timeout, Map<String, String> env,
                                      Consumer<String> progress) {
        Path dir = start.toAbsolutePath().normalize();
        Path build = null;
        for (Path d = dir; d != null && build == null; d = d.getParent()) {
            if (isMaven(d) || isGradle(d)) {
                build = d;
            }
        }
        if (userCommand != null && !userCommand.isBlank()) {
            List<String> shell = isWindows() ? List.of("cmd", "/c", userCommand) : List.of("sh", "-c", userCommand);
            return new ProjectTests(build != null ? build : dir, shell, userCommand, timeout, progress);
        }
        if (build == null) {
            throw new IllegalArgumentException("--verify tests: no Maven or Gradle build found in " + dir
                    + " or its parents; give the test command with --test-command");
        }
        boolean maven = isMaven(build);
        if (maven && Files.isRegularFile(build.resolve("mvnw"))) {
            return new ProjectTests(build, List.of("sh", "./mvnw", "-B", "-q", "test"), "./mvnw -B -q test", timeout, progress);
        }
        if (!maven && Files.isRegularFile(build.resolve("gradlew"))) {
            return new ProjectTests(build, List.of("sh", "./gradlew", "test"), "./gradlew test", timeout, progress);
        }
        String tool = maven ? "mvn" : "gradle";
        Path exe = onPath(tool, env);
        if (exe == null) {
            throw new IllegalArgumentException((maven ? "pom.xml" : "a Gradle build") + " found in " + build + " but '"
                    + tool + "' is not on the PATH (and there is no " + (maven ? "mvnw" : "gradlew")
                    + "); install it or give --test-command");
        }
        List<String> cmd = maven ? List.of(exe.toString(), "-B", "-q", "test") : List.of(exe.toString(), "test");
        return new ProjectTests(build, cmd, maven ? "mvn -B -q test" : "gradle test", timeout, progress);
    }

    private static boolean isMaven(Path d) {
        return Files.isRegularFile(d.resolve("pom.xml"));
    }

    private static boolean isGradle(Path d) {
        return Stream.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")
                .anyMatch(n -> Files.isRegularFile(d.resolve(n)));
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static Path onPath(String tool, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : isWindows() ? List.of(tool + ".cmd", tool + ".bat", tool + ".exe") : List.of(tool)) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Environment variables the test command must not see (model API keys). */
    public void hideVariables(java.util.Collection<String> names) {
        hidden.addAll(names);
    }

    public String display() {
        return display;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** The run without fixes, once per instance. */
    public Run baseline() {
        if (baseline == null) {
            baseline = runWith(Map.of(), "without fixes (baseline)");
        }
        return baseline;
    }

    /** A run with the given files replaced by their fixed text; the copy is restored afterwards. */
    public Run runWith(Map<SourceFile, String> fixed, String label) {
        try {
            Path root = copy();
            List<Path> written = new ArrayList<>();
            try {
                for (var e : fixed.entrySet()) {
                    Path target = inCopy(root, e.getKey());
                    if (target == null) {
                        return new Run(false, e.getKey().relativePath() + " is outside the project " + projectRoot);
                    }
                    String text = (e.getKey().bom() ? "\uFEFF" : "") + e.getValue();
                    Files.write(target, text.getBytes(e.getKey().charset()));
                    written.add(target);
                }
                return execute(root, label);
            } finally {
                for (var e : fixed.entrySet()) {
                    Path target = inCopy(root, e.getKey());
                    if (target != null && written.contains(target)) {
                        Files.copy(e.getKey().path(), target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            return new Run(false, "cannot prepare the test copy: " + e.getMessage());
        }
    }

    private Path inCopy(Path root, SourceFile f) {
        Path abs = f.path().toAbsolutePath().normalize();
        return abs.startsWith(projectRoot) ? root.resolve(projectRoot.relativize(abs).toString()) : null;
    }

    private Run execute(Path root, String label) throws IOException {
        Path log = Files.createTempFile(copy.getParent(), "test-", ".log");
        progress.accept("running the project's tests " + label + ": " + display);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        pb.environment().keySet().removeAll(hidden);
        Process p = pb.start();
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            kill(p);
            return new Run(false, "the test command did not finish within " + describe(timeout));
        }
        int code = p.exitValue();
        if (code == 0) {
            return new Run(true, null);
        }
        return new Run(false, "the test command exited with " + code + excerpt(log));
    }

    private static File nullFile() {
        return new File(isWindows() ? "NUL" : "/dev/null");
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String excerpt(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> first = lines.map(String::strip).filter(l -> !l.isEmpty()).limit(EXCERPT_LINES).toList();
            if (first.isEmpty()) {
                return "";
            }
            String text = String.join(" | ", first);
            return ": " + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private Path copy() throws IOException {
        if (copy == null) {
            Path dir = Files.createTempDirectory("vigil-tests-");
            Path root = dir.resolve("project");
            progress.accept("copying " + projectRoot + " to " + root + " for the tests");
            Files.walkFileTree(projectRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    if (!d.equals(projectRoot) && SKIPPED.contains(d.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(root.resolve(projectRoot.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        // A link is copied as a link: a relative one then points into the copy.
                        Files.copy(f, root.resolve(projectRoot.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                                LinkOption.NOFOLLOW_LINKS);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            copy = root;
        }
        return copy;
    }

    /** Deletes the temporary copy. */
    @Override
    public void close() {
        if (copy == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(copy.getParent())) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            progress.accept("could not delete the test copy " + copy.getParent() + ": " + e.getMessage());
        }
        copy = null;
    }
}
