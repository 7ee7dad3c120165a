package com.vigilpets.clinic.search;

import com.vigilpets.clinic.owner.Owner;
import com.vigilpets.clinic.owner.OwnerService;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.owasp.encoder.Encode;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** The quick search box in the page header: owners by last-name prefix. */
@WebServlet("/search")
public class SearchServlet extends HttpServlet {

    private OwnerService owners;

    @Override
    public void init() {
        owners = WebApplicationContextUtils.getRequiredWebApplicationContext(getServletContext()).getBean(OwnerService.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getParameter("q");
        if (query == null || query.isBlank()) {
            response.sendRedirect(request.getContextPath() + "/owners"); // vigil: safe java/open-redirect
            return;
        }
        List<Owner> found = owners.searchByPrefix(query);
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<html><head><title>Search</title></head><body>");
        if (found.isEmpty()) {
            out.println("<p>Nothing found for <em>" + query + "</em>.</p>"); // vigil: expect java/xss
        } else {
            out.printf("<p>%d owners match <em>%s</em>:</p>%n", found.size(), Encode.forHtml(query)); // vigil: safe java/xss
            out.println("<ul>");
            for (Owner owner : found) {
                out.println("<li><a href=\"/owners/" + owner.id() + "\">" + Encode.forHtml(owner.fullName()) + "</a></li>"); // vigil: safe java/xss
            }
            out.println("</ul>");
        }
        out.println("<p>Results limited to " + found.size() + " owners.</p></body></html>"); // vigil: safe java/xss
    }
}
