package corpus.taint.sqli.hibernate;

import java.io.IOException;
import java.util.Arrays;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Front door of LegacyInvoiceDao: every DAO method receives request data. */
public class InvoiceServlet extends HttpServlet {

    private LegacyInvoiceDao dao;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String customer = request.getParameter("customer");
        String number = request.getParameter("number");
        dao.byCustomer(customer);
        dao.byCustomerBound(customer);
        dao.byNumberHql(number);
        dao.byNumberHqlParsed(number);
        response.setStatus(200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String table = request.getParameter("table");
        dao.purge(table);
        dao.purgeKnown(table);
        dao.markPaid(Arrays.asList(request.getParameterValues("n")));
        dao.markPaidBound(Arrays.asList(request.getParameterValues("n")));
        response.setStatus(204);
    }
}
