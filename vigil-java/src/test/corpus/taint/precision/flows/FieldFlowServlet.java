package corpus.taint.precision.flows;

import java.io.IOException;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/** Field sensitivity: the tainted field and its clean neighbour in the same object. */
public class FieldFlowServlet extends HttpServlet {

    private static String lastQuery = "none";
    private static final String DEFAULT_QUERY = "/users/user[@active='true']";

    private DirContext directory;
    private Document users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SearchRequest sr = new SearchRequest(request.getParameter("q"), "name");
        try {
            XPathFactory.newInstance().newXPath().evaluate(sr.getQuery(), users); // vigil: expect java/xpath-injection
            XPathFactory.newInstance().newXPath().evaluate("/users/user[@sort='" + sr.getSortField() + "']", users); // vigil: safe java/xpath-injection
        } catch (XPathExpressionException e) {
            response.sendError(400);
        }
    }

    void setterFlow(HttpServletRequest request) throws NamingException {
        SearchRequest sr = new SearchRequest("(objectClass=person)", "cn");
        sr.setLabel(request.getParameter("label"));
        directory.search("dc=example", "(&" + sr.getQuery() + "(description=" + sr.getLabel() + "))", new SearchControls()); // vigil: expect java/ldap-injection
    }

    void setterFlowOtherField(HttpServletRequest request) throws NamingException {
        SearchRequest sr = new SearchRequest("(objectClass=person)", "cn");
        sr.setLabel(request.getParameter("label"));
        directory.search("dc=example", "(&" + sr.getQuery() + "(sort=" + sr.getSortField() + "))", new SearchControls()); // vigil: safe java/ldap-injection
    }

    void staticFieldFlow(HttpServletRequest request) throws XPathExpressionException {
        lastQuery = request.getParameter("q");
        XPathFactory.newInstance().newXPath().compile(lastQuery); // vigil: expect java/xpath-injection
    }

    void staticFinalFlow(HttpServletRequest request) throws XPathExpressionException {
        String ignored = request.getParameter("q");
        XPathFactory.newInstance().newXPath().compile(DEFAULT_QUERY + (ignored.isEmpty() ? "" : "[1]")); // vigil: safe java/xpath-injection
    }

    void innerClassFlow(HttpServletRequest request) throws XPathExpressionException {
        Holder h = new Holder(request.getHeader("X-Path"));
        XPathFactory.newInstance().newXPath().evaluate(h.value, users); // vigil: expect java/xpath-injection
    }

    void innerClassConstant(HttpServletRequest request) throws XPathExpressionException {
        Holder h = new Holder(request.getHeader("X-Path"));
        h.value = "/users/user[1]";
        XPathFactory.newInstance().newXPath().evaluate(h.value, users); // vigil: safe java/xpath-injection
    }

    static final class Holder {
        String value;

        Holder(String value) {
            this.value = value;
        }
    }
}
