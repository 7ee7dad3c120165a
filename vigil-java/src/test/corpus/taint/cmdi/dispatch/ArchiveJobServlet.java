package corpus.taint.cmdi.dispatch;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A fluent builder: each field keeps its own taint through a chain of calls. */
public class ArchiveJobServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Job job = new Job.Builder().tool("tar").target(req.getParameter("dir")).build();
        Runtime.getRuntime().exec(job.commandLine()); // vigil: expect java/command-injection
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Job job = new Job.Builder().tool("tar").target("/srv/data").description(req.getParameter("note")).build();
        Runtime.getRuntime().exec(job.commandLine()); // vigil: safe java/command-injection
        resp.getWriter().print(job.description().length());
    }

    static final class Job {
        private final String tool;
        private final String target;
        private final String description;

        private Job(String tool, String target, String description) {
            this.tool = tool;
            this.target = target;
            this.description = description;
        }

        String commandLine() {
            return tool + " czf /tmp/archive.tgz " + target;
        }

        String description() {
            return description;
        }

        static final class Builder {
            private String tool = "tar";
            private String target = ".";
            private String description = "";

            Builder tool(String tool) {
                this.tool = tool;
                return this;
            }

            Builder target(String target) {
                this.target = target;
                return this;
            }

            Builder description(String description) {
                this.description = description;
                return this;
            }

            Job build() {
                return new Job(tool, target, description);
            }
        }
    }
}
