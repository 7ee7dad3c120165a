package corpus.taint.reflection.stapler;

import hudson.model.Action;
import java.io.IOException;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/** Stapler web methods that pick a formatter class by name. */
public class FormatterAction implements Action {

    private static final String DEFAULT_FORMATTER = "java.text.SimpleDateFormat";

    @Override
    public String getUrlName() {
        return "formatter";
    }

    public void doPreview(StaplerRequest req, StaplerResponse rsp, @QueryParameter String formatter) throws IOException, ReflectiveOperationException {
        Object f = Class.forName(formatter).getDeclaredConstructor().newInstance(); // vigil: expect java/unsafe-reflection
        rsp.setContentType(f == null ? "text/plain" : "text/html");
    }

    public void doPreviewDefault(StaplerRequest req, StaplerResponse rsp, @QueryParameter String formatter) throws IOException, ReflectiveOperationException {
        Object f = Class.forName(DEFAULT_FORMATTER).getDeclaredConstructor().newInstance(); // vigil: safe java/unsafe-reflection
        rsp.setContentType(f == null || formatter == null ? "text/plain" : "text/html");
    }

    public void doLoad(StaplerRequest req, StaplerResponse rsp) throws IOException, ReflectiveOperationException {
        String cls = req.getParameter("class");
        Object f = req.getClass().getClassLoader().loadClass(cls); // vigil: expect java/unsafe-reflection
        rsp.setStatus(f == null ? 404 : 204);
    }

    public void doLoadFixed(StaplerRequest req, StaplerResponse rsp) throws IOException, ReflectiveOperationException {
        String cls = req.getParameter("class");
        Object f = req.getClass().getClassLoader().loadClass(cls.endsWith("Date") ? DEFAULT_FORMATTER : "java.text.DecimalFormat"); // vigil: safe java/unsafe-reflection
        rsp.setStatus(f == null ? 404 : 204);
    }
}
