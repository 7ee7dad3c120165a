package corpus.taint.pathtrav.jenkins;

import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Job;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/** Serves files of a job's build directory by relative name, Jenkins-plugin style. */
public class WorkspaceFileAction implements Action {

    @Override
    public String getUrlName() {
        return "files";
    }

    public void doView(StaplerRequest req, StaplerResponse rsp, @AncestorInPath Job<?, ?> job, @QueryParameter String path) throws IOException {
        File f = new File(job.getRootDir(), path);
        rsp.setContentType("text/plain");
        rsp.setStatus(f.isFile() ? 200 : 404); // vigil: expect java/path-traversal
    }

    public void doViewChecked(StaplerRequest req, StaplerResponse rsp, @AncestorInPath Job<?, ?> job, @QueryParameter String path) throws IOException {
        File root = job.getRootDir().getCanonicalFile();
        File f = new File(root, path).getCanonicalFile(); // vigil: safe java/path-traversal
        if (!f.toPath().startsWith(root.toPath())) {
            rsp.sendError(403);
            return;
        }
        Files.copy(f.toPath(), rsp.getOutputStream()); // vigil: safe java/path-traversal
    }

    public void doLog(StaplerRequest req, StaplerResponse rsp, @AncestorInPath Job<?, ?> job) throws IOException {
        String build = req.getParameter("build");
        Files.copy(new File(job.getRootDir(), "builds/" + build + "/log").toPath(), rsp.getOutputStream()); // vigil: expect java/path-traversal
    }

    public void doLogNumbered(StaplerRequest req, StaplerResponse rsp, @AncestorInPath Job<?, ?> job) throws IOException {
        int build = Integer.parseInt(req.getParameter("build"));
        Files.copy(new File(job.getRootDir(), "builds/" + build + "/log").toPath(), rsp.getOutputStream()); // vigil: safe java/path-traversal
    }
}
