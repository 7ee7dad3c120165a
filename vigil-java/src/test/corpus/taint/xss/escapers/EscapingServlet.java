package corpus.taint.xss.escapers;

import com.google.common.html.HtmlEscapers;
import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.text.StringEscapeUtils;
import org.owasp.esapi.ESAPI;
import org.springframework.web.util.HtmlUtils;

/** One sanitizer per library, each next to the same line without it. */
public class EscapingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String comment = request.getParameter("comment");
        PrintWriter out = response.getWriter();
        out.println("<p>" + comment + "</p>"); // vigil: expect java/xss
        out.println("<p>" + ESAPI.encoder().encodeForHTML(comment) + "</p>"); // vigil: safe java/xss
        out.println("<p>" + HtmlUtils.htmlEscape(comment) + "</p>"); // vigil: safe java/xss
        out.println("<p>" + StringEscapeUtils.escapeHtml4(comment) + "</p>"); // vigil: safe java/xss
        out.println("<p>" + HtmlEscapers.htmlEscaper().escape(comment) + "</p>"); // vigil: safe java/xss
    }

    void escapedThenConcatenated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String title = request.getParameter("title");
        String body = request.getParameter("body");
        String html = "<h2>" + HtmlUtils.htmlEscape(title) + "</h2>" + body;
        response.getWriter().println(html); // vigil: expect java/xss
    }

    void bothEscaped(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String title = request.getParameter("title");
        String body = request.getParameter("body");
        String html = "<h2>" + HtmlUtils.htmlEscape(title) + "</h2>" + HtmlUtils.htmlEscape(body);
        response.getWriter().println(html); // vigil: safe java/xss
    }

    void escapedForWrongContext(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        // URL-encoding turns < > " and quote into %XX escapes, so the value cannot leave the attribute
        response.getWriter().println("<a href='/item?id=" + java.net.URLEncoder.encode(id, "UTF-8") + "'>item</a>"); // vigil: safe java/xss
    }

    void unescapedAfterEscaping(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = request.getParameter("text");
        String once = StringEscapeUtils.escapeHtml4(text);
        response.getWriter().println(StringEscapeUtils.unescapeHtml4(once)); // vigil: expect java/xss
    }
}
