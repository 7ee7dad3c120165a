package dev.vigil.java.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Parses and attributes Java sources with the JDK's own compiler (javac's Tree API), without
 * building the project. Attribution is best effort: calls on types whose jars are missing come back
 * as error types, which {@link TypeNames} maps to qualified names through the file's imports.
 *
 * <p>Files are split into batches, one javac task per batch, run in parallel. A project below
 * {@link #SINGLE_TASK_LINES} lines is attributed in one task so every project type resolves across
 * files; larger trees trade some cross-batch attribution for parallelism and bounded memory.
 */
public final class JavaFrontEnd {

    /** Projects up to this many lines are attributed as one javac task. */
    static final long SINGLE_TASK_LINES = 400_000;
    /** Lines per batch above that size. */
    static final long BATCH_LINES = 120_000;

    private static final List<String> OPTIONS = List.of(
            "-proc:none",
            "-implicit:none",
            "-nowarn",
            "-Xlint:none",
            "-XDshould-stop.ifError=FLOW",
            "-XDshould-stop.ifNoError=FLOW",
            "-Xmaxerrs", "0",
            "-XDsuppressNotes");

    private final List<Path> classpath;
    private final int jobs;

    /**
     * @param classpath the project's dependency jars that could be found (may be empty)
     * @param jobs parallel javac tasks
     */
    public JavaFrontEnd(List<Path> classpath, int jobs) {
        this.classpath = List.copyOf(classpath);
        this.jobs = Math.max(1, jobs);
    }

    /** Parses and attributes the files; never throws for bad input. */
    public JavaProgram parse(List<SourceFile> files, Progress progress) {
        List<List<SourceFile>> batches = batches(files);
        progress.start("parsing", files.size());
        List<ParsedUnit> units = Collections.synchronizedList(new ArrayList<>());
        List<Notification> notes = Collections.synchronizedList(new ArrayList<>());
        if (batches.size() == 1) {
            runBatch(batches.get(0), units, notes, progress);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, batches.size()), r -> {
                Thread t = new Thread(null, r, "vigil-javac", 64L << 20);
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (List<SourceFile> batch : batches) {
                    futures.add(pool.submit(() -> runBatch(batch, units, notes, progress)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("javac failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<ParsedUnit> ordered = new ArrayList<>(units);
        ordered.sort((a, b) -> a.file().relativePath().compareTo(b.file().relativePath()));
        List<Notification> sortedNotes = new ArrayList<>(notes);
        sortedNotes.sort((a, b) -> String.valueOf(a.file()).compareTo(String.valueOf(b.file())));
        return new JavaProgram(ordered, sortedNotes);
    }

    private List<List<SourceFile>> batches(List<SourceFile> files) {
        long total = files.stream().mapToLong(SourceFile::lineCount).sum();
        if (total <= SINGLE_TASK_LINES || jobs == 1 && total <= SINGLE_TASK_LINES * 2) {
            return List.of(files);
        }
        // Keep files of one directory (package) together: most calls stay inside a package.
        List<SourceFile> sorted = new ArrayList<>(files);
        sorted.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
        List<List<SourceFile>> out = new ArrayList<>();
        List<SourceFile> current = new ArrayList<>();
        long lines = 0;
        for (SourceFile f : sorted) {
            current.add(f);
            lines += f.lineCount();
            if (lines >= BATCH_LINES) {
                out.add(current);
                current = new ArrayList<>();
                lines = 0;
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private void runBatch(List<SourceFile> batch, List<ParsedUnit> units, List<Notification> notes, Progress progress) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: Vigil needs a JDK, not a JRE");
        }
        Map<URI, SourceFile> byUri = new java.util.HashMap<>();
        List<JavaFileObject> objects = new ArrayList<>();
        for (SourceFile f : batch) {
            JavaFileObject o = new Source(f);
            byUri.put(o.toUri(), f);
            objects.add(o);
        }
        SyntaxErrors syntax = new SyntaxErrors();
        StandardJavaFileManager fm = compiler.getStandardFileManager(null, Locale.ROOT, null);
        try {
            if (!classpath.isEmpty()) {
                fm.setLocationFromPaths(javax.tools.StandardLocation.CLASS_PATH, classpath);
            }
        } catch (java.io.IOException e) {
            notes.add(new Notification(Notification.Level.WARNING, null, 0,
                    "cannot use the project's dependency jars: " + e.getMessage()));
        }
        JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), fm, syntax, OPTIONS, null, objects);
        Trees trees = Trees.instance(task);
        List<CompilationUnitTree> parsed = new ArrayList<>();
        try {
            for (CompilationUnitTree cu : task.parse()) {
                parsed.add(cu);
            }
            syntax.parsing = false;
            try {
                task.analyze();
            } catch (RuntimeException | StackOverflowError | java.io.IOException e) {
                // Attribution is best effort: trees stay usable with partial types.
                notes.add(new Notification(Notification.Level.WARNING, null, 0,
                        "type attribution stopped early (" + e.getClass().getSimpleName()
                                + "); findings in " + batch.size() + " files rely on partial types"));
            }
        } catch (RuntimeException | java.io.IOException e) {
            for (SourceFile f : batch) {
                notes.add(Notification.warning(f.relativePath(), "cannot parse: " + e));
            }
            progress.advance(batch.size());
            return;
        }
        for (CompilationUnitTree cu : parsed) {
            SourceFile f = byUri.get(cu.getSourceFile().toUri());
            if (f == null) {
                continue;
            }
            List<Diagnostic<? extends JavaFileObject>> errors = syntax.errorsOf(cu.getSourceFile());
            if (!errors.isEmpty()) {
                Diagnostic<? extends JavaFileObject> d = errors.get(0);
                notes.add(new Notification(Notification.Level.WARNING, f.relativePath(), (int) d.getLineNumber(),
                        "syntax error, file not analyzed: " + d.getMessage(Locale.ROOT)
                                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")));
            } else {
                units.add(new ParsedUnit(f, cu, trees, task));
            }
        }
        progress.advance(batch.size());
    }

    /**
     * Collects errors reported while parsing (syntax errors); attribution errors are expected noise.
     * Keyed by URI: javac wraps the file objects it is given, so identity does not survive.
     */
    private static final class SyntaxErrors implements DiagnosticListener<JavaFileObject> {
        volatile boolean parsing = true;
        private final Map<URI, List<Diagnostic<? extends JavaFileObject>>> errors = new java.util.HashMap<>();

        @Override
        public synchronized void report(Diagnostic<? extends JavaFileObject> d) {
            if (parsing && d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                errors.computeIfAbsent(d.getSource().toUri(), k -> new ArrayList<>()).add(d);
            }
        }

        synchronized List<Diagnostic<? extends JavaFileObject>> errorsOf(JavaFileObject o) {
            return errors.getOrDefault(o.toUri(), List.of());
        }
    }

    /** An in-memory source: the text was already decoded by the source collector. */
    private static final class Source extends SimpleJavaFileObject {
        private final SourceFile file;

        Source(SourceFile file) {
            super(uri(file), Kind.SOURCE);
            this.file = file;
        }

        private static URI uri(SourceFile f) {
            try {
                // The path must end with the file name: javac checks public class names against it.
                return new URI("vigil", null, "/" + f.relativePath(), null);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("unusable file name " + f.relativePath(), e);
            }
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return file.text();
        }
    }
}
