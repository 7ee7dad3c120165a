package fixes.xss;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

@RestController
public class GreetingController {

    @GetMapping("/greet")
    public void greet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        PrintWriter out = response.getWriter();
        out.println("<h1>Hello " + HtmlUtils.htmlEscape(name) + "</h1>");
        out.printf("<p>%s visited %d times</p>", HtmlUtils.htmlEscape(name), 3);
    }

    @GetMapping("/page")
    public void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = "<div>" + HtmlUtils.htmlEscape(String.valueOf(request.getParameter("body"))) + "</div>";
        response.getWriter().println(page);
    }
}
