package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil fix} end to end: real files, real git, the real analyzers. */
class FixCommandTest {

    private static final String DAO = """
            package demo;

            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import javax.servlet.http.HttpServletRequest;

            public class AccountDao {

                boolean exists(HttpServletRequest request, Connection conn) throws SQLException {
                    String owner = request.getParameter("owner");
                    // lookup by owner
                    ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM accounts WHERE owner = '" + owner + "'");
                    return rs.next();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void diffAppliesWithGitApplyAndRemovesTheFinding() throws Exception {
        Path file = write("src/demo/AccountDao.java", DAO);
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");

        Path patch = dir.resolve("fix.patch");
        CliRun run = CliRun.run("fix", dir.toString(), "--output", patch.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("1 of 1 findings fixed and verified"), run.toString());
        String diff = Files.readString(patch);
        assertTrue(diff.startsWith("diff --git a/src/demo/AccountDao.java b/src/demo/AccountDao.java\n"), diff);
        assertEquals(DAO, Files.readString(file), "without --apply the file is untouched");

        git("apply", patch.toString());
        String fixed = Files.readString(file);
        assertTrue(fixed.contains("PreparedStatement statement = conn.prepareStatement(\"SELECT * FROM accounts WHERE owner = ?\");"), fixed);
        assertTrue(fixed.contains("statement.setString(1, owner);"), fixed);
        assertTrue(fixed.contains("// lookup by owner"), "comments are kept");
        CliRun rescan = CliRun.run("scan", dir.toString(), "--format", "json");
        assertFalse(rescan.out().contains("java/sql-injection"), rescan.toString());
    }

    @Test
    void applyKeepsBomCrlfAndPermissions() throws Exception {
        String crlf = DAO.replace("\n", "\r\n");
        Path file = dir.resolve("AccountDao.java");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(file, concat(bom, crlf.getBytes(StandardCharsets.UTF_8)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        CliRun run = CliRun.run("fix", dir.toString(), "--apply", "--quiet");

        assertEquals(0, run.exitCode(), run.toString());
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(bom, Arrays.copyOf(bytes, 3), "the byte order mark is kept");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("statement.setString(1, owner);\r\n"), text);
        assertFalse(text.replace("\r\n", "").contains("\n"), "every line still ends with CRLF");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void jsonAndSarifCarryTheFixAndTheReasonsForWhatIsNotFixed() throws Exception {
        write("AccountDao.java", DAO.replace("return rs.next();",
                "conn.createStatement().execute(\"SELECT 1 ORDER BY \" + request.getParameter(\"sort\"));\n"
                        + "        return rs.next();"));

        CliRun json = CliRun.run("fix", dir.toString(), "--format", "json", "--quiet");
        assertEquals(1, json.exitCode(), "one finding stays unfixed: " + json);
        JsonNode fixes = new ObjectMapper().readTree(json.out()).path("fixes");
        assertEquals(2, fixes.size(), json.out());
        assertEquals("fixed", fixes.get(0).path("status").asText());
        assertEquals("not-fixed", fixes.get(1).path("status").asText());
        assertTrue(fixes.get(1).path("reason").asText().contains("allow-list"), json.out());

        CliRun sarif = CliRun.run("fix", dir.toString(), "--format", "sarif", "--quiet");
        JsonNode results = new ObjectMapper().readTree(sarif.out()).path("runs").path(0).path("results");
        JsonNode change = results.get(0).path("fixes").path(0).path("artifactChanges").path(0);
        assertEquals("AccountDao.java", change.path("artifactLocation").path("uri").asText());
        assertTrue(change.path("replacements").size() >= 2, sarif.out());
        assertTrue(results.get(1).path("fixes").isMissingNode(), "no fix for the ORDER BY value");
    }

    @Test
    void ruleFilterAndUnknownVerifyMode() throws Exception {
        Path file = write("AccountDao.java", DAO);
        CliRun other = CliRun.run("fix", dir.toString(), "--rule", "java/xss", "--apply", "--quiet");
        assertEquals(0, other.exitCode(), other.toString());
        assertEquals(DAO, Files.readString(file));

        CliRun bad = CliRun.run("fix", dir.toString(), "--verify", "fast");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("unknown --verify 'fast' (expected parse, compile or tests)"), bad.toString());
    }

    @Test
    void compileVerificationAcceptsAFixThatAddsNoCompileError() throws Exception {
        write("AccountDao.java", DAO);
        CliRun run = CliRun.run("fix", dir.toString(), "--verify", "compile", "--apply");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.readString(dir.resolve("AccountDao.java")).contains("prepareStatement"), run.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git timed out");
        assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ": " + output);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
