package corpus.taint.loginj.servlet;

import java.io.IOException;
import java.util.logging.Logger;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

/** Download audit records, with and without neutralizing line breaks. */
public class DownloadAudit extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(DownloadAudit.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getParameter("file");
        LOG.warning("download of " + file); // vigil: expect java/log-injection
        LOG.warning("download of " + Encode.forJava(file)); // vigil: safe java/log-injection
        response.setStatus(204);
    }

    void referer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        LOG.severe(() -> "hotlink from " + referer); // vigil: expect java/log-injection
    }

    void refererKnown(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        boolean internal = referer != null && referer.startsWith("https://www.example.com/");
        LOG.severe(() -> "hotlink, internal=" + internal); // vigil: safe java/log-injection
    }

    void fromEnv(HttpServletRequest request) {
        String node = System.getenv("NODE_NAME");
        LOG.info("download served by " + node); // vigil: safe java/log-injection
    }

    void fromQuery(HttpServletRequest request) {
        String node = request.getQueryString();
        LOG.info("download query " + node); // vigil: expect java/log-injection
    }
}
