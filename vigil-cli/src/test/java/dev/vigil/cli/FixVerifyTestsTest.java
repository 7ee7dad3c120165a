package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil fix --verify tests} with a real throwaway project: its "build" is a shell script that
 * compiles the sources with the JDK's javac and runs a check program, so the tests really pass or fail
 * depending on the fixed code. No network, no Maven download.
 */
class FixVerifyTestsTest {

    /** Its MD5 output is checked by the project's test: the weak-hash fix (SHA-256) breaks it. */
    private static final String HASHER = """
            package demo;

            import java.security.MessageDigest;

            public class Hasher {
                public static String hash(String s) throws Exception {
                    byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes("UTF-8"));
                    StringBuilder sb = new StringBuilder();
                    for (byte b : d) {
                        sb.append(String.format("%02x", b));
                    }
                    return sb.toString();
                }
            }
            """;

    /** Only its length is checked: the fix passes. */
    private static final String CHECKSUMS = """
            package demo;

            import java.security.MessageDigest;

            public class Checksums {
                public static byte[] of(byte[] data) throws Exception {
                    return MessageDigest.getInstance("SHA-1").digest(data);
                }
            }
            """;

    private static final String CHECK = """
            package demo;

            public class ProjectCheck {
                public static void main(String[] args) throws Exception {
                    if (Checksums.of(new byte[] {1, 2, 3}).length < 16) {
                        System.out.println("FAIL: checksum too short");
                        System.exit(1);
                    }
                    String h = Hasher.hash("abc");
                    if (!h.equals("%s")) {
                        System.out.println("FAIL: Hasher.hash(abc) is " + h);
                        System.exit(1);
                    }
                    System.out.println("1 passed, 0 failed");
                }
            }
            """;

    private static final String MD5_ABC = "900150983cd24fb0d6963f7d28e17f72";

    @TempDir
    Path dir;

    private void project(String expectedHash) throws IOException {
        Files.createDirectories(dir.resolve("src/demo"));
        Files.createDirectories(dir.resolve("test/demo"));
        Files.writeString(dir.resolve("src/demo/Hasher.java"), HASHER);
        Files.writeString(dir.resolve("src/demo/Checksums.java"), CHECKSUMS);
        Files.writeString(dir.resolve("test/demo/ProjectCheck.java"), CHECK.formatted(expectedHash));
        String bin = Path.of(System.getProperty("java.home"), "bin").toString();
        Files.writeString(dir.resolve("run-tests.sh"), """
                set -e
                rm -rf out-tests
                mkdir out-tests
                '%s/javac' -nowarn -d out-tests $(find src test -name '*.java')
                '%s/java' -cp out-tests demo.ProjectCheck
                """.formatted(bin, bin));
    }

    private static JsonNode byFile(JsonNode fixes, String file) {
        for (JsonNode f : fixes) {
            if (f.path("file").asText().equals(file)) {
                return f;
            }
        }
        throw new AssertionError("no fix entry for " + file + " in " + fixes);
    }

    @Test
    void inOneFileOnlyTheFixThatBreaksTheTestsIsRejected() throws Exception {
        project(MD5_ABC);
        // Both digests in one class: the culprit is found among the fixes of the file, not the whole file.
        Files.delete(dir.resolve("src/demo/Checksums.java"));
        Files.writeString(dir.resolve("src/demo/Hasher.java"), HASHER.replace("""
                    public static String hash(""", """
                    public static byte[] of(byte[] data) throws Exception {
                        return MessageDigest.getInstance("SHA-1").digest(data);
                    }

                    public static String hash("""));
        Files.writeString(dir.resolve("test/demo/ProjectCheck.java"),
                CHECK.formatted(MD5_ABC).replace("Checksums.of", "Hasher.of"));
        CliRun run = CliRun.run("fix", dir.toString(), "--rule", "java/weak-hash", "--verify", "tests",
                "--test-command", "sh run-tests.sh", "--apply", "--format", "json");

        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.toString());
        JsonNode fixes = new ObjectMapper().readTree(run.out()).path("fixes");
        assertEquals(2, fixes.size(), run.out());
        for (JsonNode f : fixes) {
            boolean md5 = f.path("line").asInt() == Files.readAllLines(dir.resolve("src/demo/Hasher.java")).indexOf(
                    "        byte[] d = MessageDigest.getInstance(\"MD5\").digest(s.getBytes(\"UTF-8\"));") + 1;
            assertEquals(md5 ? "not-fixed" : "fixed", f.path("status").asText(), f.toString());
        }
        String written = Files.readString(dir.resolve("src/demo/Hasher.java"));
        assertTrue(written.contains("getInstance(\"SHA-256\").digest(data)"), written);
        assertTrue(written.contains("getInstance(\"MD5\")"), written);
    }

    @Test
    void aFixThatBreaksTheTestsIsRejectedAndTheOtherIsApplied() throws Exception {
        project(MD5_ABC);
        CliRun run = CliRun.run("fix", dir.toString(), "--rule", "java/weak-hash", "--verify", "tests",
                "--test-command", "sh run-tests.sh", "--apply", "--format", "json");

        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.toString());
        JsonNode fixes = new ObjectMapper().readTree(run.out()).path("fixes");
        JsonNode hasher = byFile(fixes, "src/demo/Hasher.java");
        assertEquals("not-fixed", hasher.path("status").asText(), run.out());
        assertTrue(hasher.path("reason").asText().contains("the project's tests fail with this fix: the test command exited"
                + " with 1: FAIL: Hasher.hash(abc) is ba7816bf"), hasher.toString());
        assertEquals("fixed", byFile(fixes, "src/demo/Checksums.java").path("status").asText(), run.out());

        assertEquals(HASHER, Files.readString(dir.resolve("src/demo/Hasher.java")), "the rejected fix is not written");
        assertTrue(Files.readString(dir.resolve("src/demo/Checksums.java")).contains("\"SHA-256\""));
        assertTrue(run.err().contains("running the project's tests without fixes (baseline): sh run-tests.sh"), run.err());
        assertTrue(run.err().contains("with the fixes of src/demo/Hasher.java only"), "culprit search: " + run.err());
        assertFalse(run.out().contains("1 passed"), "the test command's output never reaches stdout");
        assertFalse(Files.exists(dir.resolve("out-tests")), "the tests ran in a copy, not in the project");
    }

    @Test
    void failingBaselineMeansTheTestsCannotVerify() throws Exception {
        project("not-the-md5-of-abc");
        CliRun run = CliRun.run("fix", dir.toString(), "--rule", "java/weak-hash", "--verify", "tests",
                "--test-command", "sh run-tests.sh", "--apply");

        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.toString());
        assertTrue(run.err().contains("the project's tests fail without any fix, so they cannot verify it (the test command"
                + " exited with 1: FAIL: Hasher.hash(abc) is 900150"), run.err());
        assertTrue(run.err().contains("0 of 2 findings fixed"), run.err());
        assertEquals("", run.out());
        assertEquals(HASHER, Files.readString(dir.resolve("src/demo/Hasher.java")));
        assertEquals(CHECKSUMS, Files.readString(dir.resolve("src/demo/Checksums.java")));
    }

    @Test
    void aTestCommandThatHangsIsStoppedAtTheTimeout() throws Exception {
        project(MD5_ABC);
        long start = System.nanoTime();
        CliRun run = CliRun.run("fix", dir.toString(), "--rule", "java/weak-hash", "--verify", "tests",
                "--test-command", "sleep 60", "--test-timeout", "1s");

        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 40, "stopped, not waited out");
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.toString());
        assertTrue(run.err().contains("the test command did not finish within 1 s"), run.err());
    }

    @Test
    void mavenAndGradleAreDetectedAndAMissingToolIsAUsageError() throws Exception {
        project(MD5_ABC);
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        // A Maven wrapper that runs the same script: detection picks it over mvn on the PATH.
        Files.writeString(dir.resolve("mvnw"), "#!/bin/sh\ntest \"$*\" = \"-B -q test\" || exit 9\nsh run-tests.sh\n");
        CliRun wrapped = CliRun.run("fix", dir.toString(), "--rule", "java/weak-hash", "--verify", "tests");
        assertTrue(wrapped.err().contains("running the project's tests without fixes (baseline): ./mvnw -B -q test"),
                wrapped.err());
        assertTrue(wrapped.err().contains("1 of 2 findings fixed"), wrapped.toString());

        Files.delete(dir.resolve("mvnw"));
        Path emptyPath = Files.createDirectory(dir.resolve("no-tools"));
        ProcessResult noMaven = vigil(emptyPath, "fix", dir.toString(), "--verify", "tests");
        assertEquals(ExitCodes.USAGE, noMaven.exitCode(), noMaven.err());
        assertTrue(noMaven.err().contains("pom.xml found in " + dir.toRealPath() + " but 'mvn' is not on the PATH")
                || noMaven.err().contains("pom.xml found in " + dir + " but 'mvn' is not on the PATH"), noMaven.err());

        Files.delete(dir.resolve("pom.xml"));
        Files.writeString(dir.resolve("build.gradle"), "apply plugin: 'java'\n");
        ProcessResult noGradle = vigil(emptyPath, "fix", dir.toString(), "--verify", "tests");
        assertEquals(ExitCodes.USAGE, noGradle.exitCode(), noGradle.err());
        assertTrue(noGradle.err().contains("but 'gradle' is not on the PATH (and there is no gradlew)"), noGradle.err());

        Files.delete(dir.resolve("build.gradle"));
        CliRun none = CliRun.run("fix", dir.toString(), "--verify", "tests");
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains("no Maven or Gradle build found"), none.err());
        assertTrue(none.err().contains("--test-command"), none.err());
        CliRun stray = CliRun.run("fix", dir.toString(), "--test-command", "true");
        assertEquals(ExitCodes.USAGE, stray.exitCode());
        assertTrue(stray.err().contains("--test-command needs --verify tests"), stray.err());
        CliRun badTimeout = CliRun.run("fix", dir.toString(), "--verify", "tests", "--test-command", "true",
                "--test-timeout", "soon");
        assertEquals(ExitCodes.USAGE, badTimeout.exitCode());
        assertTrue(badTimeout.err().contains("--test-timeout 'soon' is not a duration"), badTimeout.err());
        assertEquals(HASHER, Files.readString(dir.resolve("src/demo/Hasher.java")));
    }

    record ProcessResult(int exitCode, String out, String err) {
    }

    /** vigil in its own JVM with PATH set to {@code path}, so no build tool can be found. */
    private static ProcessResult vigil(Path path, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PATH", path.toString());
        Path out = Files.createTempFile("vigil-out", ".txt");
        Path err = Files.createTempFile("vigil-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("vigil did not finish in 120 s");
            }
            return new ProcessResult(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
