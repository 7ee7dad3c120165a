package fixes.cmdi;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;

public class SameValueTwice {

    void trace(HttpServletRequest request) throws IOException, InterruptedException {
        String host = request.getParameter("host");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        new ProcessBuilder("ping", "-c", "1", host).start().waitFor();
        // The check above already covers host here: it is not repeated.
        new ProcessBuilder("sh", "-c", "traceroute " + host).start().waitFor();
    }

    void nested(HttpServletRequest request, boolean deep) throws IOException {
        String host = request.getParameter("host");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        Runtime.getRuntime().exec("ping -c 1 " + host);
        if (deep) {
            Runtime.getRuntime().exec(new String[] {"traceroute", host});
        }
    }

    void branch(HttpServletRequest request, boolean quick) throws IOException {
        // The first check is in a branch that may not run: the second one stays.
        String host = request.getParameter("host");
        if (quick) {
            // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
            if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("value not allowed in the command line");
            }
            Runtime.getRuntime().exec("ping -c 1 " + host);
        }
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        Runtime.getRuntime().exec(new String[] {"traceroute", host});
    }

    void reassigned(HttpServletRequest request) throws IOException {
        // host changes between the commands: each gets its check.
        String host = request.getParameter("host");
        Runtime.getRuntime().exec("ping -c 1 " + host);
        host = request.getParameter("other");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        Runtime.getRuntime().exec(new String[] {"traceroute", host});
    }
}
