package corpus.taint.xss.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** The class-level @Produces applies to methods that declare none. */
@Path("/badge")
@Produces("application/json")
public class BadgeResource {

    @GET
    @Path("/{label}")
    public String badge(@PathParam("label") String label) {
        return "<svg><text>" + label + "</text></svg>"; // vigil: safe java/xss
    }

    @GET
    @Path("/{label}/html")
    @Produces("text/html;charset=UTF-8")
    public String badgeHtml(@PathParam("label") String label) {
        return "<span>" + label + "</span>"; // vigil: expect java/xss
    }
}
