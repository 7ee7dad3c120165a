package dev.vigil.java.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.vigil.core.finding.Location;
import dev.vigil.core.source.SourceFile;
import java.util.HashMap;
import java.util.Map;

/**
 * One attributed compilation unit with what is needed to turn trees into locations and to resolve
 * simple type names through the file's imports.
 */
public final class ParsedUnit {

    private final SourceFile file;
    private final CompilationUnitTree tree;
    private final Trees trees;
    private final com.sun.source.util.JavacTask task;
    private final LineMap lines;
    private final Map<String, String> importedTypes = new HashMap<>();
    private final java.util.List<String> starImports = new java.util.ArrayList<>();

    ParsedUnit(SourceFile file, CompilationUnitTree tree, Trees trees, com.sun.source.util.JavacTask task) {
        this.file = file;
        this.tree = tree;
        this.trees = trees;
        this.task = task;
        this.lines = new LineMap(file.text());
        for (ImportTree imp : tree.getImports()) {
            if (imp.isStatic()) {
                continue;
            }
            String name = imp.getQualifiedIdentifier().toString();
            if (name.endsWith(".*")) {
                starImports.add(name.substring(0, name.length() - 2));
            } else {
                importedTypes.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
    }

    public SourceFile file() {
        return file;
    }

    public CompilationUnitTree tree() {
        return tree;
    }

    public Trees trees() {
        return trees;
    }

    /** The javac task that attributed this unit: its Elements and Types answer questions about its symbols. */
    public com.sun.source.util.JavacTask task() {
        return task;
    }

    /** The location of a tree given its path-free offsets. */
    public Location location(long start, long end) {
        if (start < 0) {
            return Location.line(file.relativePath(), 1);
        }
        end = Math.max(start, end);
        int startLine = lines.line((int) start);
        return new Location(file.relativePath(), startLine, lines.column((int) start), lines.line((int) end),
                lines.column((int) end), lines.text(startLine).strip());
    }

    public String packageName() {
        return tree.getPackageName() == null ? "" : tree.getPackageName().toString();
    }

    /** The fully qualified name a simple type name refers to through this file's single-type imports, or null. */
    public String importedType(String simpleName) {
        return importedTypes.get(simpleName);
    }

    /** Packages imported on demand ({@code import javax.servlet.http.*;}). */
    public java.util.List<String> starImports() {
        return starImports;
    }

    public TreePath path(Tree t) {
        return trees.getPath(tree, t);
    }

    public long startOffset(Tree t) {
        SourcePositions p = trees.getSourcePositions();
        return p.getStartPosition(tree, t);
    }

    public long endOffset(Tree t) {
        SourcePositions p = trees.getSourcePositions();
        return p.getEndPosition(tree, t);
    }

    /** The 1-based line of a tree's start. */
    public int line(Tree t) {
        long pos = startOffset(t);
        return pos < 0 ? 1 : lines.line((int) pos);
    }

    /** The location of a tree: its start/end line and column, with the full text of its first line as snippet. */
    public Location location(Tree t) {
        long start = startOffset(t);
        long end = endOffset(t);
        if (start < 0) {
            return Location.line(file.relativePath(), 1);
        }
        if (end < start) {
            end = start;
        }
        int startLine = lines.line((int) start);
        int endLine = lines.line((int) end);
        int startCol = lines.column((int) start);
        int endCol = lines.column((int) end);
        return new Location(file.relativePath(), startLine, startCol, endLine, endCol, lines.text(startLine).strip());
    }

    /** The source text of a tree. */
    public String text(Tree t) {
        long start = startOffset(t);
        long end = endOffset(t);
        if (start < 0 || end < start || end > file.text().length()) {
            return t.toString();
        }
        return file.text().substring((int) start, (int) end);
    }

    /** The text of a 1-based line, without its terminator. */
    public String lineText(int line) {
        return lines.text(line);
    }

    /** Offsets of line starts, for offset to line/column conversion. */
    static final class LineMap {
        private final String text;
        private final int[] starts;

        LineMap(String text) {
            this.text = text;
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            starts = new int[count];
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[n++] = i + 1;
                }
            }
        }

        int line(int offset) {
            int idx = java.util.Arrays.binarySearch(starts, offset);
            return idx >= 0 ? idx + 1 : -idx - 1;
        }

        int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }

        String text(int line) {
            if (line < 1 || line > starts.length) {
                return "";
            }
            int s = starts[line - 1];
            int e = line < starts.length ? starts[line] : text.length();
            while (e > s && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) {
                e--;
            }
            return text.substring(s, e);
        }
    }
}
