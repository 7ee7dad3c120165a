package corpus.taint.cmdi.tools;

import java.io.IOException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Calls Shell with request data (run) and only with constants or environment values (runFixed). */
public class MaintenanceServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = request.getParameter("target");
        Shell.run("rsync -a /srv/data " + Shell.quote(target));
        Shell.runFixed("/usr/bin/uptime");
        String home = System.getenv("BACKUP_HOME");
        Shell.runFixed(home + "/bin/backup");
        response.setStatus(204);
    }

    protected void rotate(HttpServletRequest request) throws IOException {
        String keep = request.getParameter("keep");
        Runtime.getRuntime().exec("logrotate --keep " + keep);
    }

    protected void rotateParsed(HttpServletRequest request) throws IOException {
        int keep = Integer.parseInt(request.getParameter("keep"));
        Runtime.getRuntime().exec("logrotate --keep " + keep);
    }

    public static void main(String[] args) throws IOException {
        // local threat model only: command-line arguments are not remote input
        Runtime.getRuntime().exec("logrotate --keep " + args[0]);
    }
}
