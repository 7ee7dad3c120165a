package dev.vigil.java.checks;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.JavaAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real analyzer over in-memory files and lists the reported lines of one rule. */
final class CheckTesting {

    private CheckTesting() {
    }

    /** {@code pathsAndTexts}: relative path, content, relative path, content, ... (.java and .properties). */
    static AnalysisResult analyze(String... pathsAndTexts) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new SourceFile(Path.of("/project", pathsAndTexts[i]), pathsAndTexts[i], pathsAndTexts[i + 1],
                    StandardCharsets.UTF_8, false, "\n"));
        }
        return new JavaAnalyzer().analyze(new SourceSet(Path.of("/project"), files, List.of(), List.of()),
                AnalysisOptions.defaults(), Progress.NONE);
    }

    /** The sorted lines reported for {@code rule}. */
    static List<Integer> lines(String rule, String... pathsAndTexts) {
        return linesOf(rule, analyze(pathsAndTexts));
    }

    static List<Integer> linesOf(String rule, AnalysisResult result) {
        return result.findings().stream().filter(f -> f.ruleId().equals(rule))
                .map(Finding::location).map(l -> l.startLine()).sorted().toList();
    }

    /** The 1-based lines of {@code text} holding {@code marker}, e.g. "// BAD". */
    static List<Integer> marked(String text, String marker) {
        List<Integer> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                out.add(i + 1);
            }
        }
        return out;
    }
}
