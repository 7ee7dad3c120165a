package corpus.taint.precision.flows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** In a switch case reached by its labels, the selector variable is one of the label constants. */
public class ReportSwitchServlet extends HttpServlet {

    private static final Path REPORTS = Paths.get("/srv/reports");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String kind = req.getParameter("kind");
        String file = switch (kind) {
            case "daily", "weekly" -> kind + ".csv";
            case "annual" -> kind + "-summary.csv";
            default -> "index.csv";
        };
        resp.getOutputStream().write(Files.readAllBytes(REPORTS.resolve(file))); // vigil: safe java/path-traversal
    }

    void colon(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String kind = req.getParameter("kind");
        String file;
        switch (kind) {
            case "daily":
            case "weekly":
                file = kind + ".csv";
                break;
            default:
                file = "index.csv";
        }
        resp.getOutputStream().write(Files.readAllBytes(REPORTS.resolve(file))); // vigil: safe java/path-traversal
    }

    void fallThrough(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String kind = req.getParameter("kind");
        String file = "index.csv";
        switch (kind) {
            case "daily":
                file = "daily.csv";
            case "custom":
                file = kind + ".csv";
                break;
            default:
                break;
        }
        resp.getOutputStream().write(Files.readAllBytes(REPORTS.resolve(file))); // vigil: safe java/path-traversal
    }

    void defaultBranch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String kind = req.getParameter("kind");
        String file = switch (kind) {
            case "daily" -> "daily.csv";
            default -> kind + ".csv";
        };
        resp.getOutputStream().write(Files.readAllBytes(REPORTS.resolve(file))); // vigil: expect java/path-traversal
    }

    void reassigned(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String kind = req.getParameter("kind");
        String file = "index.csv";
        switch (kind) {
            case "daily" -> {
                kind = req.getParameter("other");
                file = kind + ".csv";
            }
            default -> file = "index.csv";
        }
        resp.getOutputStream().write(Files.readAllBytes(REPORTS.resolve(file))); // vigil: expect java/path-traversal
    }
}
