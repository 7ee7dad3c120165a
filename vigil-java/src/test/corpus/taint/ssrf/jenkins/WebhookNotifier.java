package corpus.taint.ssrf.jenkins;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/** Jenkins-plugin style form validation that "tests the connection" to a user-given URL. */
public class WebhookNotifier {

    private static final String STATUS_URL = "https://status.example.com/ping";

    @Extension
    public static final class DescriptorImpl extends Descriptor<WebhookNotifier> {

        @RequirePOST
        public FormValidation doTestConnection(@QueryParameter String url) throws IOException {
            HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection(); // vigil: expect java/ssrf
            return conn.getResponseCode() == 200 ? FormValidation.ok() : FormValidation.error("failed");
        }

        @RequirePOST
        public FormValidation doTestStatusPage(@QueryParameter String url) throws IOException {
            HttpURLConnection conn = (HttpURLConnection) new URL(STATUS_URL).openConnection(); // vigil: safe java/ssrf
            return conn.getResponseCode() == 200 && !url.isEmpty() ? FormValidation.ok() : FormValidation.error("failed");
        }

        @RequirePOST
        public FormValidation doCheckProxy(@QueryParameter String host, @QueryParameter String port) throws IOException {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            URL u = new URL("http", host, Integer.parseInt(port), "/");
            return u.openStream() != null ? FormValidation.ok() : FormValidation.error("no"); // vigil: expect java/ssrf
        }

        @RequirePOST
        public FormValidation doCheckProxyPort(@QueryParameter String host, @QueryParameter String port) throws IOException {
            URL u = new URL("http", "proxy.internal.example.com", Integer.parseInt(port) == 8080 ? 8080 : 3128, "/");
            return u.openStream() != null && host != null ? FormValidation.ok() : FormValidation.error("no"); // vigil: safe java/ssrf
        }
    }
}
