package corpus.taint.precision.interproc;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Template method: subclasses decide what value reaches the page. */
public abstract class BaseHandler {

    protected abstract String title(HttpServletRequest request);

    public final void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().println("<title>" + title(request) + "</title>"); // vigil: expect java/xss
    }

    public final void renderEscaped(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().println("<title>" + org.owasp.encoder.Encode.forHtml(title(request)) + "</title>"); // vigil: safe java/xss
    }
}
