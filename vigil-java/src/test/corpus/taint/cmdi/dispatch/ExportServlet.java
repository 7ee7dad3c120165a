package corpus.taint.cmdi.dispatch;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A call through a field typed by a nested interface runs its nested implementations. */
public class ExportServlet extends HttpServlet {

    interface Exporter {
        void export(String name) throws IOException;
    }

    static class ShellExporter implements Exporter {
        @Override
        public void export(String name) throws IOException {
            Runtime.getRuntime().exec(new String[] {"sh", "-c", "tar czf /tmp/out.tgz " + name}); // vigil: expect java/command-injection
        }
    }

    static class LoggingExporter implements Exporter {
        @Override
        public void export(String name) throws IOException {
            Runtime.getRuntime().exec(new String[] {"logger", "export requested"}); // vigil: safe java/command-injection
        }
    }

    private final Exporter exporter = new ShellExporter();
    private final Exporter audit = new LoggingExporter();

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        exporter.export(req.getParameter("name"));
        audit.export(req.getParameter("name"));
    }
}
