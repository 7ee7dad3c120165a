package corpus.taint.xss.jaxrs;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import org.owasp.encoder.Encode;

/** JAX-RS resource that writes HTML through the injected servlet response. */
@Path("/comments")
public class CommentResource {

    @Context
    private HttpServletResponse response;

    @GET
    public void show(@QueryParam("text") String text) throws IOException {
        PrintWriter out = response.getWriter();
        out.print("<blockquote>" + text + "</blockquote>"); // vigil: expect java/xss
    }

    @GET
    @Path("/escaped")
    public void showEscaped(@QueryParam("text") String text) throws IOException {
        PrintWriter out = response.getWriter();
        out.print("<blockquote>" + Encode.forHtmlContent(text) + "</blockquote>"); // vigil: safe java/xss
    }

    @GET
    @Path("/chars")
    public void showChars(@QueryParam("text") String text) throws IOException {
        char[] chars = text.toCharArray();
        response.getWriter().write(chars, 0, chars.length); // vigil: expect java/xss
    }

    @GET
    @Path("/chars-count")
    public void showCharsCount(@QueryParam("text") String text) throws IOException {
        char[] chars = String.valueOf(text.chars().filter(Character::isLetter).count()).toCharArray();
        response.getWriter().write(chars, 0, chars.length); // vigil: safe java/xss
    }
}
