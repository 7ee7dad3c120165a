package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.html.ReportFixtures;
import dev.vigil.core.sarif.SarifWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    private Path project;
    private Path sarif;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void scanToSarif() throws Exception {
        project = Files.createDirectories(dir.resolve("project"));
        ReportFixtures.writeProject(project);
        sarif = dir.resolve("vigil.sarif");
        Files.writeString(sarif, new SarifWriter("0.1.0", ReportFixtures.rules()).toJson(ReportFixtures.sample(), project));
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Runs with {@code workingDirectory} as the directory vigil was started in. */
    private int runIn(Path workingDirectory, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = Main.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ReportCommand.class ? type.cast(new ReportCommand(workingDirectory)) : defaults.create(type);
            }
        });
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static JsonNode data(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"vigil-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "data block present");
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void writesAnHtmlReportFromSarif() throws Exception {
        Path html = dir.resolve("out/report.html");

        int code = run("report", sarif.toString(), "--format", "html", "--output", html.toString(), "--root", project.toString());

        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(err.toString().contains("wrote html report of 4 findings to " + html), err.toString());
        JsonNode data = data(Files.readString(html));
        assertEquals(4, data.get("findings").size());
        JsonNode sql = data.get("findings").get(0);
        assertEquals("java/sql-injection", sql.get("rule").asText());
        assertEquals(4, sql.get("steps").size());
        assertEquals("true-positive", sql.at("/triage/verdict").asText(), "finding properties survive SARIF");
        assertTrue(sql.at("/fix/diff").asText().contains("prepareStatement"));
        assertTrue(data.at("/files/src~1main~1java~1com~1acme~1data~1UserDao.java/lines/9").asText().contains("executeQuery"),
                "code read from --root");
        assertTrue(data.at("/rules/java~1sql-injection/help").asText().contains("PreparedStatement"),
                "help of a rule Vigil does not ship comes from the SARIF file");
        assertEquals(List.of("src"), List.of(data.at("/scan/roots/0").asText()));
        assertEquals(3, data.at("/scan/filesScanned").asInt());
        assertEquals(1234, data.at("/scan/durationMillis").asLong());
        assertEquals("2026-11-30T04:00:00Z", data.at("/scan/startedAt").asText());
        assertEquals("qwen3-coder-30b", data.at("/scan/properties/model/name").asText());
        assertEquals(1, data.get("notifications").size());
        try (var files = Files.list(html.getParent())) {
            assertEquals(List.of(html), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void writesToStandardOutputWithoutOutput() throws Exception {
        int code = run("report", sarif.toString(), "--root", project.toString());

        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(out.toString().startsWith("<!DOCTYPE html>"));
        assertEquals(4, data(out.toString()).get("findings").size());
    }

    @Test
    void missingSourcesStillGiveAReport() throws Exception {
        Path html = dir.resolve("report.html");

        int code = run("report", sarif.toString(), "-o", html.toString(), "--root", dir.toString());

        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(data(Files.readString(html)).at("/files/src~1main~1java~1com~1acme~1data~1UserDao.java/missing")
                .asText().startsWith("file not found"));
    }

    @Test
    void withoutRootTheSarifSourceRootInsideTheWorkingDirectoryIsUsed() throws Exception {
        int code = runIn(dir, "report", "vigil.sarif", "-o", "report.html");

        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode data = data(Files.readString(dir.resolve("report.html")));
        assertTrue(data.at("/files/src~1main~1java~1com~1acme~1data~1UserDao.java/lines/9").asText().contains("executeQuery"));
    }

    @Test
    void aSourceRootOutsideTheWorkingDirectoryIsNotRead() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        int code = runIn(elsewhere, "report", sarif.toString(), "-o", "report.html");

        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(err.toString().contains("source root " + project.toRealPath() + " is outside it"), err.toString());
        JsonNode data = data(Files.readString(elsewhere.resolve("report.html")));
        assertTrue(data.at("/files/src~1main~1java~1com~1acme~1data~1UserDao.java/missing").asText().startsWith("file not found"));
    }

    @Test
    void badInputIsAUsageErrorNamingTheFile() throws Exception {
        Path notJson = Files.writeString(dir.resolve("broken.sarif"), "{ \"runs\": [");
        Path notSarif = Files.writeString(dir.resolve("other.json"), "{\"findings\": []}");
        Path html = dir.resolve("report.html");

        assertEquals(ExitCodes.USAGE, run("report", dir.resolve("nope.sarif").toString(), "-o", html.toString()));
        assertTrue(err.toString().contains("nope.sarif"), err.toString());
        assertEquals(ExitCodes.USAGE, run("report", notJson.toString(), "-o", html.toString()));
        assertTrue(err.toString().contains("broken.sarif"), err.toString());
        assertEquals(ExitCodes.USAGE, run("report", notSarif.toString(), "-o", html.toString()));
        assertTrue(err.toString().contains("not a SARIF log"), err.toString());
        assertEquals(ExitCodes.USAGE, run("report", sarif.toString(), "--root", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("is not a directory"), err.toString());
        assertEquals(ExitCodes.USAGE, run("report", sarif.toString(), "--format", "pdf"));
        assertFalse(Files.exists(html), "nothing written on error");
    }

    @Test
    void unwritableOutputIsAUsageError() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        int code = run("report", sarif.toString(), "-o", blocker.resolve("report.html").toString(), "--root", project.toString());

        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("cannot write"), err.toString());
    }
}
