package corpus.taint.precision.responses;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A response declared as JSON, plain text or CSV is data, not a page: the browser does not run markup in
 * it. Only a type set on every path before the writer is obtained counts; HTML, XML or a type chosen
 * by a condition leave the writer a cross-site scripting sink.
 */
public class ContentTypeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        resp.setContentType("application/json");
        resp.getWriter().write("{\"hello\": \"" + name + "\"}"); // vigil: safe java/xss
    }

    void csv(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Content-Type", "text/csv; charset=UTF-8");
        resp.getWriter().println(req.getParameter("row")); // vigil: safe java/xss
    }

    void plain(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getOutputStream().print(req.getParameter("q")); // vigil: safe java/xss
    }

    void html(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html");
        resp.getWriter().write("<p>" + req.getParameter("name") + "</p>"); // vigil: expect java/xss
    }

    void xml(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/xml");
        resp.getWriter().write("<p>" + req.getParameter("name") + "</p>"); // vigil: expect java/xss
    }

    void jsonThenHtml(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write("<p>" + req.getParameter("name") + "</p>"); // vigil: expect java/xss
    }

    void onlySometimesJson(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("format") != null) {
            resp.setContentType("application/json");
        }
        resp.getWriter().write("<p>" + req.getParameter("name") + "</p>"); // vigil: expect java/xss
    }

    void typeFromInput(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType(req.getParameter("type"));
        resp.getWriter().write(req.getParameter("body")); // vigil: expect java/xss
    }
}
