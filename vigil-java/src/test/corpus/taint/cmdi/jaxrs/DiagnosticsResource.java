package corpus.taint.cmdi.jaxrs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

/** Network diagnostics exposed over JAX-RS; host names go to ping/traceroute. */
@Path("/diag")
public class DiagnosticsResource {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    @GET
    @Path("/ping")
    public String ping(@QueryParam("host") String host) throws IOException {
        Process p = Runtime.getRuntime().exec("ping -c 1 " + host); // vigil: expect java/command-injection
        return String.valueOf(p.pid());
    }

    @GET
    @Path("/ping-checked")
    public String pingChecked(@QueryParam("host") String host) throws IOException {
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("bad host");
        }
        Process p = Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", host}); // vigil: safe java/command-injection
        return String.valueOf(p.pid());
    }

    @GET
    @Path("/trace/{host}")
    public String trace(@PathParam("host") String host) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "traceroute " + host); // vigil: expect java/command-injection
        return String.valueOf(pb.start().pid());
    }

    @GET
    @Path("/trace-matched/{host}")
    public String traceMatched(@PathParam("host") String host) throws IOException {
        if (!host.matches("[a-z0-9.]+")) {
            return "invalid";
        }
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "traceroute " + host); // vigil: safe java/command-injection
        return String.valueOf(pb.start().pid());
    }

    @POST
    @Path("/dig")
    public String dig(@FormParam("name") String name, @FormParam("type") String type) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("dig");
        cmd.add(type);
        cmd.add(name);
        return String.valueOf(new ProcessBuilder().command(cmd).start().pid()); // vigil: expect java/command-injection
    }

    @POST
    @Path("/dig-count")
    public String digCount(@FormParam("name") String name, @FormParam("type") String type) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("dig");
        cmd.add("+tries=" + (name.length() > 10 ? 2 : 1));
        return String.valueOf(new ProcessBuilder().command(cmd).start().pid()); // vigil: safe java/command-injection
    }

    @GET
    @Path("/agent")
    public String agent(@HeaderParam("User-Agent") String agent) throws IOException {
        String[] argv = {"logger", "-t", "diag", agent};
        return String.valueOf(Runtime.getRuntime().exec(argv).pid()); // vigil: expect java/command-injection
    }

    @GET
    @Path("/agent-fixed")
    public String agentFixed(@HeaderParam("User-Agent") String agent) throws IOException {
        String[] argv = {"logger", "-t", "diag", agent};
        argv[3] = "agent-request";
        return String.valueOf(Runtime.getRuntime().exec(argv).pid()); // vigil: safe java/command-injection
    }
}
