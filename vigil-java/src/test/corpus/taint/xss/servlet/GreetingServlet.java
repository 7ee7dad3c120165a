package corpus.taint.xss.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

/** Greeting pages written straight to the response. */
public class GreetingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        String name = request.getParameter("name");
        PrintWriter out = response.getWriter();
        out.println("<h1>Hello " + name + "</h1>"); // vigil: expect java/xss
        out.println("<h1>Hello " + Encode.forHtml(name) + "</h1>"); // vigil: safe java/xss
    }

    void printfGreeting(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.getWriter().printf("<p>Welcome back, %s</p>", name); // vigil: expect java/xss
    }

    void printfGreetingLength(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.getWriter().printf("<p>Your name has %d letters</p>", name.length()); // vigil: safe java/xss
    }

    void formatHeader(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = request.getHeader("Accept-Language");
        response.getWriter().format("<html lang=\"%s\">", lang); // vigil: expect java/xss
    }

    void formatHeaderEncoded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = request.getHeader("Accept-Language");
        response.getWriter().format("<html lang=\"%s\">", Encode.forHtmlAttribute(lang)); // vigil: safe java/xss
    }

    void echoCookie(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cookie[] cookies = request.getCookies();
        String theme = cookies[0].getValue();
        response.getWriter().write("<body class='" + theme + "'>"); // vigil: expect java/xss
    }

    void echoCookieName(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cookie[] cookies = request.getCookies();
        String theme = cookies.length > 1 ? "dark" : "light";
        response.getWriter().write("<body class='" + theme + "'>"); // vigil: safe java/xss
    }

    void appendQuery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getQueryString();
        response.getWriter().append("<a href='?").append(q).append("'>again</a>"); // vigil: expect java/xss
    }

    void appendQueryConst(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getQueryString();
        response.getWriter().append("<a href='?").append(q == null ? "page=1" : "page=2").append("'>again</a>"); // vigil: safe java/xss
    }

    void streamBytes(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String note = request.getParameter("note");
        ServletOutputStream os = response.getOutputStream();
        os.print("<div>" + note + "</div>"); // vigil: expect java/xss
    }

    void streamBytesNumber(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String note = request.getParameter("note");
        ServletOutputStream os = response.getOutputStream();
        os.print("<div>" + Double.parseDouble(note) + "</div>"); // vigil: safe java/xss
    }

    void writeBytes(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        response.getOutputStream().write(body); // vigil: expect java/xss
    }

    void writeBytesLength(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        response.getOutputStream().write(Integer.toString(body.length).getBytes()); // vigil: safe java/xss
    }

    void headerNames(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var names = request.getHeaderNames();
        PrintWriter out = response.getWriter();
        while (names.hasMoreElements()) {
            out.println("<li>" + names.nextElement() + "</li>"); // vigil: expect java/xss
        }
    }

    void headerValues(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var values = request.getHeaders("Via");
        PrintWriter out = response.getWriter();
        int hops = 0;
        while (values.hasMoreElements()) {
            values.nextElement();
            hops++;
        }
        out.println("<li>" + hops + " proxies</li>"); // vigil: safe java/xss
    }
}
