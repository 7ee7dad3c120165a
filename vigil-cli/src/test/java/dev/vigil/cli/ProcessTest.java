package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code vigil} as a separate JVM, as a user's shell does: the real {@code main}, real
 * {@code System.exit} codes, stdout and stderr as separate streams.
 */
class ProcessTest {

    record Result(int exitCode, String out, String err) {
    }

    static Result vigil(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("vigil-out", ".txt");
        Path err = Files.createTempFile("vigil-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("NO_COLOR", "1");
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("vigil did not finish in 120 s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void scansTheCurrentDirectoryByDefaultAndExitsWithTheDocumentedCodes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Checksums.java"), ScanCommandTest.CHECKSUMS);
        Result findings = vigil(dir, "scan");
        assertEquals(ExitCodes.FINDINGS, findings.exitCode(), findings.err());
        assertTrue(findings.out().startsWith("Checksums.java\n"), findings.out());
        assertTrue(findings.out().contains("java/weak-hash (CWE-328)"), findings.out());

        Result sarif = vigil(dir, "scan", "--format", "sarif", "--fail-on", "critical");
        assertEquals(ExitCodes.OK, sarif.exitCode(), sarif.err());
        assertTrue(sarif.out().contains("\"version\" : \"2.1.0\""), sarif.out());

        Result missing = vigil(dir, "scan", "missing-dir");
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertEquals("vigil: path not found: missing-dir", missing.err().strip());
    }
}
