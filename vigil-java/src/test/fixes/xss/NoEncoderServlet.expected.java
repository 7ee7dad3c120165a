package fixes.xss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class NoEncoderServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.getWriter().println("<h1>Hello " + escapeHtml(name) + "</h1>");
        String card = "<div class='card'>" + escapeHtml(name) + "</div>";
        response.getWriter().println(card);
        String greeting;
        if (name.isEmpty()) {
            greeting = "Hello";
        } else {
            greeting = "Dear " + name;
        }
        response.getWriter().println(escapeHtml(greeting));
    }

    void chars(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = request.getParameter("text");
        char[] chars = escapeHtml(text).toCharArray();
        response.getWriter().write(chars, 0, chars.length);
        response.getOutputStream().write(("<p>" + escapeHtml(text) + "</p>").getBytes(StandardCharsets.UTF_8));
    }

    void items(HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (String item : request.getParameterValues("item")) {
            response.getWriter().println(escapeHtml(item));
        }
    }

    void rows(HttpServletRequest request, List<String> rows, HttpServletResponse response) throws IOException {
        rows.add("<tr><td>" + request.getParameter("cell") + "</td></tr>");
        for (String row : rows) {
            response.getWriter().println(row);
        }
    }

    void body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        response.getOutputStream().write(body);
    }

    void partial(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = request.getParameter("text");
        char[] chars = text.toCharArray();
        response.getWriter().write(chars, 0, text.length());
    }

    void built(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder sb = new StringBuilder("<ul>");
        sb.append("<li>").append(request.getParameter("item")).append("</li>");
        response.getWriter().println(sb.append("</ul>").toString());
    }

    /** HTML-encodes text for element content and quoted attribute values. */
    private static String escapeHtml(String text) {
        if (text == null) {
            return null;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
