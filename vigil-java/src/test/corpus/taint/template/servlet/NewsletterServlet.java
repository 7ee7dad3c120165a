package corpus.taint.template.servlet;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;

/** Newsletter editor: the body is a template written by the client. */
public class NewsletterServlet extends HttpServlet {

    private static final String FOOTER = "<p>Unsubscribe: ${unsubscribeLink}</p>";

    private Configuration cfg;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = request.getParameter("body");
        try {
            Template t = new Template("newsletter", new StringReader(body + FOOTER), cfg); // vigil: expect java/template-injection
            t.process(Map.of("unsubscribeLink", "/u"), response.getWriter());
        } catch (TemplateException e) {
            response.sendError(400);
        }
    }

    void previewFooter(HttpServletRequest request, HttpServletResponse response) throws IOException, TemplateException {
        String body = request.getParameter("body");
        Template t = new Template("footer", new StringReader(FOOTER), cfg); // vigil: safe java/template-injection
        t.process(Map.of("unsubscribeLink", "/u", "body", body), response.getWriter());
    }

    void velocitySubject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String subject = request.getParameter("subject");
        Velocity.evaluate(new VelocityContext(), response.getWriter(), "subject", "Re: " + subject); // vigil: expect java/template-injection
    }

    void velocitySubjectData(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String subject = request.getParameter("subject");
        VelocityContext ctx = new VelocityContext();
        ctx.put("subject", subject);
        Velocity.evaluate(ctx, response.getWriter(), "subject", "Re: $subject"); // vigil: safe java/template-injection
    }

    void velocityLocale(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String locale = request.getHeader("Accept-Language");
        String tpl = locale != null && locale.startsWith("de") ? "Hallo $name" : "Hello $name";
        Velocity.evaluate(new VelocityContext(Map.of("name", locale)), response.getWriter(), "greet", tpl); // vigil: safe java/template-injection
    }

    void velocityLocaleRaw(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String locale = request.getHeader("Accept-Language");
        String tpl = locale != null && locale.startsWith("de") ? "Hallo " + locale : "Hello $name";
        Velocity.evaluate(new VelocityContext(Map.of("name", "x")), response.getWriter(), "greet", tpl); // vigil: expect java/template-injection
    }
}
