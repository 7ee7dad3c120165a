package corpus.taint.xss.escapers;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Escapers written character by character: a char keeps the taint of the text it came from, and where it
 * is known to be none of the dangerous characters (the default of a switch over them, the else of
 * comparisons with them), appending it adds none of them.
 */
public class CharEscapeServlet extends HttpServlet {

    static String escapeSwitch(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String escapeIfElse(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '&') {
                b.append("&amp;");
            } else if (c == '"') {
                b.append("&quot;");
            } else if (c == '\'') {
                b.append("&#39;");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String escapeAngles(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String initial(String s) {
        return String.valueOf(s.charAt(0));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter w = resp.getWriter();
        String q = req.getParameter("q");
        w.println("<p title=\"" + escapeSwitch(q) + "\">"); // vigil: safe java/xss
        w.println("<p title=\"" + escapeIfElse(q) + "\">"); // vigil: safe java/xss
        w.println("<p title=\"" + escapeAngles(q) + "\">"); // vigil: expect java/xss
        w.println("<p>" + initial(q) + "</p>"); // vigil: expect java/xss
        char first = q.charAt(0);
        w.println("<p>" + first + "</p>"); // vigil: expect java/xss
        w.println("<p>" + Character.isLetter(first) + "</p>"); // vigil: safe java/xss
    }
}
