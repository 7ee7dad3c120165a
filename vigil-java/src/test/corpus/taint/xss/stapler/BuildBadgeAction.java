package corpus.taint.xss.stapler;

import hudson.model.Action;
import hudson.Util;
import java.io.IOException;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/** A badge endpoint in a Jenkins plugin: the subject text is echoed into SVG/HTML. */
public class BuildBadgeAction implements Action {

    @Override
    public String getUrlName() {
        return "badge";
    }

    public void doIcon(StaplerRequest req, StaplerResponse rsp, @QueryParameter String subject) throws IOException {
        rsp.setContentType("image/svg+xml");
        rsp.getWriter().print("<svg><text>" + subject + "</text></svg>"); // vigil: expect java/xss
    }

    public void doIconEscaped(StaplerRequest req, StaplerResponse rsp, @QueryParameter String subject) throws IOException {
        rsp.setContentType("image/svg+xml");
        rsp.getWriter().print("<svg><text>" + Util.escape(subject) + "</text></svg>"); // vigil: safe java/xss
    }

    public void doStatus(StaplerRequest req, StaplerResponse rsp) throws IOException {
        String job = req.getParameter("job");
        rsp.getWriter().println("<p>Status of " + job + "</p>"); // vigil: expect java/xss
    }

    public void doStatusKnown(StaplerRequest req, StaplerResponse rsp) throws IOException {
        String job = req.getParameter("job");
        rsp.getWriter().println("<p>Status of " + (job == null ? "all jobs" : "one job") + "</p>"); // vigil: safe java/xss
    }
}
