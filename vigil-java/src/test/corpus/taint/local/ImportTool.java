package corpus.taint.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Scanner;

/**
 * A command-line import tool run by an operator. Its inputs (arguments, environment, standard input,
 * local files) are the `local` threat model: not reported under the default `remote` model. The same
 * sinks fed from a request are in ImportServlet.
 */
public final class ImportTool {

    private ImportTool() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        String table = args[0];
        try (Connection c = DriverManager.getConnection(System.getenv("IMPORT_DB_URL"))) {
            c.createStatement().execute("TRUNCATE TABLE " + table); // vigil: safe java/sql-injection
        }
        String script = System.getProperty("import.post");
        Runtime.getRuntime().exec(script); // vigil: safe java/command-injection
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in));
        String target = stdin.readLine();
        Files.writeString(Path.of(target), "imported"); // vigil: safe java/path-traversal
        String pattern = new Scanner(System.in).nextLine();
        java.util.regex.Pattern.compile(pattern); // vigil: safe java/regex-injection
        String config = Files.readString(Path.of("/etc/import/filter.txt"));
        Class.forName(config.strip()); // vigil: safe java/unsafe-reflection
    }
}
