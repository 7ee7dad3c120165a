package corpus.taint.cmdi.stapler;

import hudson.model.Action;
import java.io.IOException;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;
import org.kohsuke.stapler.interceptor.RequirePOST;

/** A Jenkins-style action; Stapler routes /tool/run to doRun with its query parameters. */
public class BuildToolAction implements Action {

    private final String toolHome;

    public BuildToolAction(String toolHome) {
        this.toolHome = toolHome;
    }

    @Override
    public String getUrlName() {
        return "tool";
    }

    @RequirePOST
    public void doRun(StaplerRequest req, StaplerResponse rsp, @QueryParameter String goals) throws IOException {
        Runtime.getRuntime().exec(toolHome + "/bin/mvn " + goals); // vigil: expect java/command-injection
        rsp.setStatus(204);
    }

    @RequirePOST
    public void doVersion(StaplerRequest req, StaplerResponse rsp, @QueryParameter String goals) throws IOException {
        Runtime.getRuntime().exec(new String[] {toolHome + "/bin/mvn", "--version"}); // vigil: safe java/command-injection
        rsp.setStatus(204);
    }

    @RequirePOST
    public void doClean(StaplerRequest req, StaplerResponse rsp) throws IOException {
        String module = req.getParameter("module");
        new ProcessBuilder(toolHome + "/bin/mvn", "-pl", module, "clean").start(); // vigil: expect java/command-injection
        rsp.setStatus(204);
    }

    @RequirePOST
    public void doCleanAll(StaplerRequest req, StaplerResponse rsp) throws IOException {
        String module = req.getParameter("module");
        boolean all = module == null || module.isEmpty();
        new ProcessBuilder(toolHome + "/bin/mvn", all ? "-am" : "-q", "clean").start(); // vigil: safe java/command-injection
        rsp.setStatus(204);
    }
}
