package dev.vigil.java.fix;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Parses or compiles in-memory sources with the JDK's compiler, for verifying fixed files. */
final class Javac {

    private Javac() {
    }

    /** The first syntax error of a file's text, or null when it parses. */
    static String syntaxError(String name, String text) {
        JavaCompiler compiler = compiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), null, diagnostics,
                List.of("-proc:none"), null, List.of(new Source(name, text)));
        try {
            task.parse();
        } catch (IOException e) {
            return e.getMessage();
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                return "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * One compile error: "code: message" without its position (so the errors of a file before and after a
     * fix compare even when lines moved), and the character offset it was reported at (-1 when unknown).
     */
    record Error(String message, int offset) {
    }

    /**
     * Compiles the sources together (attribution and flow analysis, no class files) and returns, per
     * file name, its errors.
     */
    static Map<String, List<Error>> compileErrors(Map<String, String> sources, int release,
                                                  List<java.nio.file.Path> classpath) {
        JavaCompiler compiler = compiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> objects = new ArrayList<>();
        sources.forEach((name, text) -> objects.add(new Source(name, text)));
        List<String> options = new ArrayList<>(List.of("-proc:none", "-implicit:none", "-Xmaxerrs", "100000",
                "-XDshould-stop.ifError=FLOW", "-XDshould-stop.ifNoError=FLOW"));
        options.addAll(List.of("--release", String.valueOf(Math.max(8, Math.min(release, Runtime.version().feature())))));
        if (!classpath.isEmpty()) {
            options.addAll(List.of("-classpath", String.join(java.io.File.pathSeparator,
                    classpath.stream().map(java.nio.file.Path::toString).toList())));
        }
        JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), null, diagnostics, options, null, objects);
        Map<String, List<Error>> errors = new HashMap<>();
        try {
            task.analyze();
        } catch (IOException | RuntimeException e) {
            errors.computeIfAbsent("", k -> new ArrayList<>()).add(new Error("javac failed: " + e, -1));
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                String name = d.getSource().toUri().getPath().substring(1);
                // Without the "location:" line, a symbol missing from the classpath reads the same in every file.
                String message = d.getMessage(Locale.ROOT).replaceAll("(?m)^\\s*location:.*$", "").strip();
                errors.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Error(d.getCode() + ": " + message, (int) d.getPosition()));
            }
        }
        return errors;
    }

    private static JavaCompiler compiler() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: Vigil needs a JDK, not a JRE");
        }
        return compiler;
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String name, String text) {
            super(uri(name), Kind.SOURCE);
            this.text = text;
        }

        private static URI uri(String name) {
            try {
                return new URI("vigil", null, "/" + name, null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("unusable file name " + name, e);
            }
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
