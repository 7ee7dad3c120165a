package corpus.taint.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/** The web twin of ImportTool: the same sinks, fed from the request. */
public class ImportServlet extends HttpServlet {

    private DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String table = request.getParameter("table");
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("TRUNCATE TABLE " + table); // vigil: expect java/sql-injection
        } catch (SQLException e) {
            response.sendError(500);
            return;
        }
        String script = request.getHeader("X-Post-Script");
        Runtime.getRuntime().exec(script); // vigil: expect java/command-injection
        String target = request.getReader().readLine();
        Files.writeString(Path.of(target), "imported"); // vigil: expect java/path-traversal
        String pattern = request.getParameter("pattern");
        java.util.regex.Pattern.compile(pattern); // vigil: expect java/regex-injection
        try {
            Class.forName(request.getParameter("filter").strip()); // vigil: expect java/unsafe-reflection
        } catch (ClassNotFoundException e) {
            response.sendError(400);
        }
    }
}
