package dev.vigil.java.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Keeps the taint corpus from quietly shrinking: the taint-engine and precision issues set how many
 * marked lines the corpus must have, per rule and in total, and what share of them are safe look-alikes.
 * Needs no analyzer, so it guards the corpus even while the engine is being rewritten.
 */
class CorpusCoverageTest {

    static final int MIN_MARKED_LINES = 450;
    static final int MIN_PER_RULE = 12;
    static final double MIN_SAFE_SHARE = 0.45;

    @Test
    void taintCorpusHasEnoughCasesForEveryRule() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        SourceSet corpus = CorpusTree.load(module.resolve("src/test/corpus"));
        List<Marker> markers = new ArrayList<>();
        for (SourceFile f : corpus.javaFiles()) {
            markers.addAll(MarkerParser.parse(f.relativePath(), f.text()));
        }
        Map<String, int[]> perRule = new TreeMap<>();
        KnownRules.TAINT.forEach(r -> perRule.put(r, new int[2]));
        int expect = 0;
        int safe = 0;
        for (Marker m : markers) {
            int[] c = perRule.get(m.ruleId());
            if (c == null) {
                continue; // API-misuse rules have their own corpus and targets
            }
            c[m.kind() == Marker.Kind.EXPECT ? 0 : 1]++;
            if (m.kind() == Marker.Kind.EXPECT) {
                expect++;
            } else {
                safe++;
            }
        }
        List<String> problems = new ArrayList<>();
        perRule.forEach((rule, c) -> {
            if (c[0] + c[1] < MIN_PER_RULE) {
                problems.add(rule + " has " + (c[0] + c[1]) + " marked lines, needs " + MIN_PER_RULE);
            }
            if (c[0] == 0 || c[1] == 0) {
                problems.add(rule + " needs both expect and safe markers (has " + c[0] + " expect, " + c[1] + " safe)");
            }
        });
        int total = expect + safe;
        if (total < MIN_MARKED_LINES) {
            problems.add("taint rules have " + total + " markers in all, need " + MIN_MARKED_LINES);
        }
        if (total > 0 && (double) safe / total < MIN_SAFE_SHARE) {
            problems.add(String.format(java.util.Locale.ROOT, "only %.1f%% of taint markers are safe look-alikes, need %.0f%%",
                    100.0 * safe / total, 100 * MIN_SAFE_SHARE));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
