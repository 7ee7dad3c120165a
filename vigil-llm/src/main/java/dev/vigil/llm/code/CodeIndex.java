package dev.vigil.llm.code;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only, text-level index of the Java files under a root: file list, HTTP entry points and text
 * search. It is what the audit agent's tools see; it never follows symbolic links out of the root and
 * never executes anything.
 */
public final class CodeIndex {

    /** An HTTP handler: Spring or JAX-RS annotated method, or a servlet doGet/doPost/... */
    public record EntryPoint(String id, String file, int line, String name, String kind) {

        public String describe() {
            return id + " " + file + ":" + line + " " + name + " [" + kind + "]";
        }
    }

    /** One search hit. */
    public record Hit(String file, int line, String text) {
    }

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "target", "build", "out",
            "node_modules", ".vigil", ".idea", ".gradle");
    private static final int MAX_FILES = 50_000;
    private static final Pattern MAPPING = Pattern.compile(
            "@(GetMapping|PostMapping|PutMapping|DeleteMapping|PatchMapping|RequestMapping|GET|POST|PUT|DELETE|PATCH)\\b(\\([^)]*\\))?");
    private static final Pattern SERVLET = Pattern.compile(
            "\\b(doGet|doPost|doPut|doDelete|doPatch|service)\\s*\\(\\s*(final\\s+)?(javax\\.servlet\\.http\\.|jakarta\\.servlet\\.http\\.)?HttpServletRequest\\b");
    private static final Pattern METHOD_NAME = Pattern.compile("([\\w$]+)\\s*\\(");

    private final SourceLines sources;
    private final List<String> files;
    private final List<EntryPoint> entryPoints;

    private CodeIndex(SourceLines sources, List<String> files) {
        this.sources = sources;
        this.files = List.copyOf(files);
        this.entryPoints = List.copyOf(findEntryPoints());
    }

    /** Indexes the {@code .java} files under {@code root}. */
    public static CodeIndex build(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(base) && SKIPPED_DIRS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java") && files.size() < MAX_FILES) {
                    files.add(base.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(String::compareTo);
        return new CodeIndex(new SourceLines(base), files);
    }

    public SourceLines sources() {
        return sources;
    }

    public List<String> files() {
        return files;
    }

    public List<EntryPoint> entryPoints() {
        return entryPoints;
    }

    public Optional<EntryPoint> entryPoint(String id) {
        return entryPoints.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Lines of an indexed file; empty for anything not in the index (including paths outside the root). */
    public Optional<List<String>> lines(String file) {
        if (!files.contains(file)) {
            return Optional.empty();
        }
        return sources.read(file) instanceof SourceLines.Read.Lines l ? Optional.of(l.lines()) : Optional.empty();
    }

    /** Lines containing {@code literal} (case-sensitive), in file order, at most {@code max}. */
    public List<Hit> search(String literal, int max) {
        List<Hit> hits = new ArrayList<>();
        for (String f : files) {
            List<String> lines = lines(f).orElse(List.of());
            for (int i = 0; i < lines.size() && hits.size() < max; i++) {
                if (lines.get(i).contains(literal)) {
                    hits.add(new Hit(f, i + 1, lines.get(i).strip()));
                }
            }
        }
        return hits;
    }

    /** Call sites of a method by simple name (text match of {@code name(} that is not its declaration). */
    public List<Hit> callers(String name, int max) {
        Pattern call = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "\\s*\\(");
        Pattern declaration = Pattern.compile("[\\w$>\\]]\\s+" + Pattern.quote(name) + "\\s*\\(");
        List<Hit> hits = new ArrayList<>();
        for (String f : files) {
            List<String> lines = lines(f).orElse(List.of());
            for (int i = 0; i < lines.size() && hits.size() < max; i++) {
                String l = lines.get(i);
                if (call.matcher(l).find() && !(declaration.matcher(l).find() && !l.contains("=") && !l.contains("return"))) {
                    hits.add(new Hit(f, i + 1, l.strip()));
                }
            }
        }
        return hits;
    }

    /** Lines declaring a method named {@code name} (a text match of "Type name(" on a line not ending in ';'). */
    public List<Hit> declarations(String name, int max) {
        Pattern declaration = Pattern.compile("[\\w$>\\]]\\s+" + Pattern.quote(name) + "\\s*\\(");
        List<Hit> hits = new ArrayList<>();
        for (String f : files) {
            List<String> lines = lines(f).orElse(List.of());
            for (int i = 0; i < lines.size() && hits.size() < max; i++) {
                String l = lines.get(i).strip();
                if (declaration.matcher(l).find() && !l.endsWith(";") && !l.startsWith("return") && !l.contains("=")
                        && !l.startsWith("//") && !l.startsWith("*")) {
                    hits.add(new Hit(f, i + 1, l));
                }
            }
        }
        return hits;
    }

    private List<EntryPoint> findEntryPoints() {
        List<EntryPoint> out = new ArrayList<>();
        for (String f : files) {
            List<String> lines = lines(f).orElse(List.of());
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                Matcher servlet = SERVLET.matcher(l);
                if (servlet.find() && !l.startsWith("//") && !l.contains(";")) {
                    out.add(new EntryPoint("E" + (out.size() + 1), f, i + 1, servlet.group(1), "servlet"));
                    continue;
                }
                Matcher mapping = MAPPING.matcher(l);
                if (l.startsWith("@") && mapping.find()) {
                    int header = declarationAfter(lines, i);
                    if (header > 0) {
                        Matcher name = METHOD_NAME.matcher(lines.get(header - 1));
                        String methodName = name.find() ? name.group(1) : "?";
                        if (out.stream().noneMatch(e -> e.file().equals(f) && e.line() == header)) {
                            out.add(new EntryPoint("E" + (out.size() + 1), f, header, methodName, mapping.group()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** 1-based line of the method declaration following annotations at {@code from}, or 0 when a class follows. */
    private static int declarationAfter(List<String> lines, int from) {
        for (int j = from + 1; j < lines.size() && j < from + 10; j++) {
            String s = lines.get(j).strip();
            if (s.isEmpty() || s.startsWith("@") || s.startsWith("//")) {
                continue;
            }
            if (s.matches(".*\\b(class|interface|record|enum)\\b.*")) {
                return 0;
            }
            return s.contains("(") ? j + 1 : 0;
        }
        return 0;
    }
}
