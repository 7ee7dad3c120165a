package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project model files in .vigil/models: used by the scan, and rejected with file and line when malformed. */
class ProjectModelsTest {

    private static void writeApp(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/acme"));
        Files.writeString(dir.resolve("src/acme/Handler.java"), """
                package acme;
                import com.acme.web.Request;
                import com.acme.db.Sql;
                class Handler {
                    void handle(Request request, Sql sql) {
                        String id = request.param("id");
                        sql.run("DELETE FROM t WHERE id = " + id);
                    }
                }
                """);
    }

    @Test
    void projectRowsAddSourcesAndSinks(@TempDir Path dir) throws Exception {
        writeApp(dir);
        assertEquals(ExitCodes.OK, CliRun.run("scan", dir.toString(), "--quiet").exitCode());
        Files.createDirectories(dir.resolve(".vigil/models"));
        Files.writeString(dir.resolve(".vigil/models/acme.yml"), """
                sources:
                  - {type: com.acme.web.Request, method: param, label: request parameter}
                sinks:
                  - {type: com.acme.db.Sql, method: run, input: arg0, rule: java/sql-injection}
                """);
        CliRun r = CliRun.run("scan", dir.toString(), "--quiet");
        assertEquals(ExitCodes.FINDINGS, r.exitCode(), r.err());
        assertTrue(r.out().contains("java/sql-injection"), r.out());
    }

    @Test
    void malformedModelFileIsAUsageErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        writeApp(dir);
        Files.createDirectories(dir.resolve(".vigil/models"));
        Files.writeString(dir.resolve(".vigil/models/acme.yml"), """
                sinks:
                  - {type: com.acme.db.Sql, method: run, inptu: arg0, rule: java/sql-injection}
                """);
        CliRun r = CliRun.run("scan", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("acme.yml:2: unknown key 'inptu'"), r.err());
    }
}
