package corpus.taint.loginj.audit;

import java.io.IOException;
import java.util.logging.Level;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audit trails written with request data, through three logging APIs. */
public class AuditLogging extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogging.class);
    private static final org.apache.logging.log4j.Logger LOG4J = LogManager.getLogger(AuditLogging.class);
    private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("audit");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        LOG.info("login attempt for " + user); // vigil: expect java/log-injection
        LOG.info("login attempt for " + user.replaceAll("[\r\n]", "_")); // vigil: safe java/log-injection
        response.setStatus(204);
    }

    void failed(HttpServletRequest request) {
        String user = request.getParameter("user");
        LOG.warn("failed login: {}", user); // vigil: expect java/log-injection
    }

    void failedCount(HttpServletRequest request) {
        String user = request.getParameter("user");
        LOG.warn("failed login, name of {} chars", user.length()); // vigil: safe java/log-injection
    }

    void agent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        LOG4J.error("blocked agent " + agent); // vigil: expect java/log-injection
    }

    void agentKnown(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String family = agent != null && agent.contains("curl") ? "curl" : "browser";
        LOG4J.error("blocked agent " + family); // vigil: safe java/log-injection
    }

    void path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        JUL.info("not found: " + uri); // vigil: expect java/log-injection
    }

    void pathLevel(HttpServletRequest request) {
        String uri = request.getRequestURI();
        JUL.log(Level.FINE, "not found: " + uri); // vigil: expect java/log-injection
    }

    void pathHashed(HttpServletRequest request) {
        String uri = request.getRequestURI();
        JUL.info("not found, uri hash " + uri.hashCode()); // vigil: safe java/log-injection
    }

    void debugId(HttpServletRequest request) {
        String id = request.getParameter("id");
        LOG.debug("lookup id=" + id); // vigil: expect java/log-injection
    }

    void debugIdParsed(HttpServletRequest request) {
        long id = Long.parseLong(request.getParameter("id"));
        LOG.debug("lookup id=" + id); // vigil: safe java/log-injection
    }
}
