package dev.vigil.java.taint;

import dev.vigil.core.scan.AnalysisResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prints findings for the file named by -Dvigil.debugFile (manual debugging aid; no-op otherwise). */
class DebugScan {
    @Test
    void scan() throws Exception {
        String file = System.getProperty("vigil.debugFile");
        if (file == null) {
            return;
        }
        long t0 = System.nanoTime();
        AnalysisResult r = TaintEngineTest.analyze(Set.of("remote"), "x/" + Path.of(file).getFileName(), Files.readString(Path.of(file)));
        System.err.println("TIME " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        r.findings().forEach(f -> System.err.println("FINDING " + f.ruleId() + " " + f.location().shortText() + " " + f.flow()));
        r.notifications().forEach(n -> System.err.println("NOTE " + n.text()));
    }
}
