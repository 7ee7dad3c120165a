package corpus.taint.pathtrav.library;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class ReportServlet extends HttpServlet {

    private final ReportStore store = new ReportStore("/srv/reports");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        String body = request.getParameter("body");
        store.read(name);
        store.readNormalized(name);
        store.exists(name);
        store.existsChecked(name);
        store.write(name, body);
        store.writeBody(name, body);
        store.size(name);
        store.mkdirs(request.getParameter("year"));
        response.setStatus(204);
    }
}
