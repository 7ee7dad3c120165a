package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.JavaAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures the API-misuse checks on a marker corpus given by {@code -Dvigil.misuse.corpus=DIR}
 * ({@code // vigil: expect RULE} / {@code // vigil: safe RULE} on the reported line): prints
 * TP/FP/FN per rule and fails on any mismatch of a misuse rule. Skipped without the property; the
 * project-wide corpus harness runs the same comparison on every build.
 */
class MisuseCorpusTest {

    private static final Pattern MARKER = Pattern.compile("//\\s*vigil:\\s*(expect|safe)\\s+([\\w/,\\s-]+)");

    @Test
    void misuseRulesMatchTheCorpusMarkers() throws IOException {
        String dir = System.getProperty("vigil.misuse.corpus");
        assumeTrue(dir != null && !dir.isBlank(), "set -Dvigil.misuse.corpus=DIR to measure a corpus");
        Path base = Path.of(dir).toAbsolutePath().normalize();
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".java") || name.endsWith(".properties")) {
                    files.add(new SourceFile(p, base.relativize(p).toString().replace('\\', '/'),
                            Files.readString(p, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false, "\n"));
                }
            }
        }
        Set<String> misuseRules = new TreeSet<>();
        Checks.all().forEach(c -> misuseRules.add(c.ruleId()));
        Set<String> expected = new TreeSet<>();
        for (SourceFile f : files) {
            String[] lines = f.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MARKER.matcher(lines[i]);
                while (m.find()) {
                    if (m.group(1).equals("expect")) {
                        for (String rule : m.group(2).split(",")) {
                            expected.add(f.relativePath() + ":" + (i + 1) + " " + rule.strip());
                        }
                    }
                }
            }
        }
        AnalysisResult result = new JavaAnalyzer().analyze(new SourceSet(base, files, List.of(), List.of()),
                AnalysisOptions.defaults(), Progress.NONE);
        Set<String> reported = new TreeSet<>();
        for (Finding f : result.findings()) {
            reported.add(f.location().file() + ":" + f.location().startLine() + " " + f.ruleId());
        }
        Map<String, int[]> counts = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (String e : expected) {
            String rule = e.substring(e.lastIndexOf(' ') + 1);
            if (!misuseRules.contains(rule)) {
                continue;
            }
            int[] c = counts.computeIfAbsent(rule, k -> new int[3]);
            if (reported.contains(e)) {
                c[0]++;
            } else {
                c[2]++;
                mismatches.add("missed     " + e);
            }
        }
        for (String r : reported) {
            if (!expected.contains(r)) {
                String rule = r.substring(r.lastIndexOf(' ') + 1);
                counts.computeIfAbsent(rule, k -> new int[3])[1]++;
                mismatches.add("unexpected " + r);
            }
        }
        StringBuilder table = new StringBuilder(String.format("%-38s %4s %4s %4s %9s %7s%n",
                "rule", "TP", "FP", "FN", "precision", "recall"));
        counts.forEach((rule, c) -> table.append(String.format("%-38s %4d %4d %4d %9.2f %7.2f%n", rule, c[0], c[1],
                c[2], c[0] + c[1] == 0 ? 1.0 : c[0] / (double) (c[0] + c[1]),
                c[0] + c[2] == 0 ? 1.0 : c[0] / (double) (c[0] + c[2]))));
        System.out.println(table);
        mismatches.forEach(System.out::println);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches against the corpus markers");
    }
}
