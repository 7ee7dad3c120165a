package dev.vigil.llm.fix;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The method a model may rewrite: the innermost method or constructor of a parsed file whose body holds
 * the finding's line, as whole lines (annotations included, Javadoc not). A model-written fix replaces
 * exactly this span and nothing else.
 *
 * @param startOffset offset of the first character of the method's first line
 * @param endOffset offset just past the last character of the method's last line (before its line break)
 * @param startLine 1-based first line
 * @param endLine 1-based last line
 * @param className the simple name of the class declaring the method (empty for an anonymous class)
 * @param name the method's name ({@code <init>} for a constructor)
 * @param parameterTypes the parameter types as written, for checking that the signature is kept
 */
public record MethodRegion(int startOffset, int endOffset, int startLine, int endLine, String className, String name,
                           List<String> parameterTypes, String text) {

    public MethodRegion {
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** The method text with 1-based line numbers, as shown to the model. */
    public String numbered() {
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%5d  ", startLine + i)).append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    /**
     * The method enclosing {@code line} in {@code fileText}, or why there is none to rewrite (the file
     * does not parse, the line is outside every method, the method shares a line with other code).
     */
    public static Located enclosing(String fileText, int line) {
        Parsed parsed = Parsed.of(fileText);
        if (parsed.unit == null) {
            return new Located(null, "the file does not parse");
        }
        long lineStart = lineStartOffset(fileText, line);
        if (lineStart < 0) {
            return new Located(null, "line " + line + " is past the end of the file");
        }
        MethodTree[] best = new MethodTree[1];
        String[] owner = {""};
        long[] bestSpan = {Long.MAX_VALUE};
        SourcePositions positions = parsed.positions;
        CompilationUnitTree unit = parsed.unit;
        long lineEnd = lineEndOffset(fileText, (int) lineStart);
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree m, Void unused) {
                if (m.getBody() != null) {
                    long s = positions.getStartPosition(unit, m.getBody());
                    long e = positions.getEndPosition(unit, m.getBody());
                    if (s <= lineEnd && e >= lineStart && e - s < bestSpan[0]) {
                        best[0] = m;
                        bestSpan[0] = e - s;
                        owner[0] = getCurrentPath().getParentPath().getLeaf() instanceof ClassTree c
                                ? c.getSimpleName().toString() : "";
                    }
                }
                return super.visitMethod(m, unused);
            }
        }.scan(unit, null);
        MethodTree m = best[0];
        if (m == null) {
            return new Located(null, "line " + line + " is not inside a method body");
        }
        int start = (int) positions.getStartPosition(unit, m);
        int end = (int) positions.getEndPosition(unit, m);
        int first = lineStart(fileText, start);
        int last = lineEndOffset(fileText, end);
        if (!fileText.substring(first, start).isBlank()) {
            return new Located(null, "the method starts on a line with other code");
        }
        String after = fileText.substring(end, last).strip();
        if (!after.isEmpty() && !after.startsWith("//")) {
            return new Located(null, "the method ends on a line with other code");
        }
        List<String> params = new ArrayList<>();
        for (VariableTree p : m.getParameters()) {
            params.add(normalizeType(p.getType()));
        }
        return new Located(new MethodRegion(first, last, lineNumber(fileText, first), lineNumber(fileText, end), owner[0],
                m.getName().toString(),
                params, fileText.substring(first, last)), null);
    }

    /** A region, or the reason there is none. */
    public record Located(MethodRegion region, String problem) {
    }

    static String normalizeType(Tree type) {
        return type == null ? "" : type.toString().replaceAll("\\s+", "");
    }

    static int lineStart(String text, int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    static int lineEndOffset(String text, int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    static long lineStartOffset(String text, int line) {
        int current = 1;
        for (int i = 0; i < text.length() && current < line; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                current++;
                if (current == line) {
                    return i + 1;
                }
            }
        }
        return line == 1 ? 0 : -1;
    }

    static int lineNumber(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** A file parsed with javac (syntax only), with the first syntax error if any. */
    static final class Parsed {
        final CompilationUnitTree unit;
        final SourcePositions positions;
        final String error;

        private Parsed(CompilationUnitTree unit, SourcePositions positions, String error) {
            this.unit = unit;
            this.positions = positions;
            this.error = error;
        }

        static Parsed of(String text) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                return new Parsed(null, null, "no Java compiler in this runtime");
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///VigilModelFix.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
            JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), null, diagnostics,
                    List.of("-proc:none"), null, List.of(source));
            try {
                CompilationUnitTree unit = task.parse().iterator().next();
                for (var d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                        return new Parsed(null, null, "line " + d.getLineNumber() + ": " + d.getMessage(java.util.Locale.ROOT));
                    }
                }
                return new Parsed(unit, Trees.instance(task).getSourcePositions(), null);
            } catch (IOException | RuntimeException e) {
                return new Parsed(null, null, String.valueOf(e.getMessage()));
            }
        }

        /** The members of the first class of the unit. */
        List<? extends Tree> firstClassMembers() {
            for (Tree t : unit.getTypeDecls()) {
                if (t instanceof ClassTree c) {
                    return c.getMembers();
                }
            }
            return List.of();
        }

        Optional<String> problem() {
            return Optional.ofNullable(error);
        }
    }
}
