package fixes.linebreaks;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class HeadersAndLogs {

    private static final Logger LOG = LoggerFactory.getLogger(HeadersAndLogs.class);

    void handle(HttpServletRequest request, HttpServletResponse response) {
        String name = request.getParameter("name");
        response.setHeader("Content-Disposition", ("attachment; filename=\"" + name + "\"").replaceAll("[\\r\\n]", ""));
        LOG.info("download requested by {}", String.valueOf(request.getParameter("user")).replaceAll("[\\r\\n]", ""));
    }
}
