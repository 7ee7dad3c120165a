package fixes.cmdi;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;

public class Diagnostics {

    Process ping(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        Process p = Runtime.getRuntime().exec("ping -c 1 " + host);
        return p;
    }

    Process trace(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        int hops = Integer.parseInt(request.getParameter("hops"));
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        return new ProcessBuilder("sh", "-c", "traceroute -m " + hops + " " + host).start();
    }

    Process run(HttpServletRequest request) throws IOException {
        // The whole command line is input: no mechanical fix, refused.
        return Runtime.getRuntime().exec(request.getParameter("cmd"));
    }
}
