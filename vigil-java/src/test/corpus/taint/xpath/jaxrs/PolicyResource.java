package corpus.taint.xpath.jaxrs;

import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/** Access policies kept as XML; lookups by role and resource. */
@Path("/policy")
public class PolicyResource {

    private static final String[] ROLES = {"reader", "writer", "admin"};

    private final Document policy;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    public PolicyResource(Document policy) {
        this.policy = policy;
    }

    @GET
    public Boolean allowed(@QueryParam("role") String role, @QueryParam("resource") String resource) throws XPathExpressionException {
        String expr = "boolean(/policy/rule[@role='" + role + "' and @resource='" + resource + "'])";
        return (Boolean) xpath.evaluate(expr, policy, XPathConstants.BOOLEAN); // vigil: expect java/xpath-injection
    }

    @GET
    @Path("/by-index")
    public Boolean allowedByIndex(@QueryParam("role") int role) throws XPathExpressionException {
        String expr = "boolean(/policy/rule[@role='" + ROLES[Math.floorMod(role, 3)] + "'])";
        return (Boolean) xpath.evaluate(expr, policy, XPathConstants.BOOLEAN); // vigil: safe java/xpath-injection
    }

    @GET
    @Path("/role-count")
    public Double roleCount(@QueryParam("role") String role) throws XPathExpressionException {
        return (Double) xpath.compile("count(/policy/rule[@role='" + role.toLowerCase() + "'])").evaluate(policy, XPathConstants.NUMBER); // vigil: expect java/xpath-injection
    }

    @GET
    @Path("/role-count-known")
    public Double roleCountKnown(@QueryParam("role") String role) throws XPathExpressionException {
        String known = java.util.Arrays.asList(ROLES).contains(role) ? role : "reader";
        return (Double) xpath.compile("count(/policy/rule[@role='" + known + "'])").evaluate(policy, XPathConstants.NUMBER); // vigil: safe java/xpath-injection
    }

    @POST
    @Path("/check")
    public boolean check(@FormParam("path") String path) throws XPathExpressionException {
        return !xpath.evaluate(path, policy).isEmpty(); // vigil: expect java/xpath-injection
    }

    @POST
    @Path("/check-version")
    public boolean checkVersion(@FormParam("path") String path) throws XPathExpressionException {
        return !path.isEmpty() && !xpath.evaluate("/policy/@version", policy).isEmpty(); // vigil: safe java/xpath-injection
    }
}
