package corpus.taint.xss.jaxrs;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

/** A JAX-RS resource method's return value is the response entity, typed by @Produces. */
@Path("/profile")
public class ProfileResource {

    @GET
    @Path("/card")
    @Produces("text/html")
    public String card(@QueryParam("name") String name) {
        return "<div class=\"card\">" + name + "</div>"; // vigil: expect java/xss
    }

    @GET
    @Path("/title")
    @Produces(MediaType.TEXT_HTML)
    public String title(@QueryParam("title") String title) {
        return title; // vigil: expect java/xss
    }

    @GET
    @Path("/card.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String cardJson(@QueryParam("name") String name) {
        return "{\"card\":\"<div>" + name + "</div>\"}"; // vigil: safe java/xss
    }

    @GET
    @Path("/card.txt")
    @Produces("text/plain")
    public String cardText(@QueryParam("name") String name) {
        return "<div>" + name + "</div>"; // vigil: safe java/xss
    }

    @GET
    @Path("/id")
    @Produces("text/html")
    public String id(@QueryParam("id") int id) {
        return "<div>" + id + "</div>"; // vigil: safe java/xss
    }
}
