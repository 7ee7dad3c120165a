package corpus.taint.xpath.catalog;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.owasp.esapi.ESAPI;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Queries an in-memory product catalog; the Document is loaded once at startup. */
public class CatalogSearch extends HttpServlet {

    private final Document catalog;

    public CatalogSearch(Document catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String sku = request.getParameter("sku");
            XPath xpath = XPathFactory.newInstance().newXPath();
            String price = xpath.evaluate("/catalog/item[@sku='" + sku + "']/price", catalog); // vigil: expect java/xpath-injection
            response.setStatus(price.isEmpty() ? 404 : 200);
        } catch (XPathExpressionException e) {
            response.sendError(400);
        }
    }

    String priceBound(HttpServletRequest request) throws XPathExpressionException {
        String sku = request.getParameter("sku");
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver(v -> v.equals(new QName("sku")) ? sku : null);
        return xpath.evaluate("/catalog/item[@sku=$sku]/price", catalog); // vigil: safe java/xpath-injection
    }

    NodeList byCategory(HttpServletRequest request) throws XPathExpressionException {
        String category = request.getParameter("category");
        XPath xpath = XPathFactory.newInstance().newXPath();
        XPathExpression expr = xpath.compile("//item[category='" + category + "']"); // vigil: expect java/xpath-injection
        return (NodeList) expr.evaluate(catalog, XPathConstants.NODESET);
    }

    NodeList byCategoryEncoded(HttpServletRequest request) throws XPathExpressionException {
        String category = request.getParameter("category");
        XPath xpath = XPathFactory.newInstance().newXPath();
        XPathExpression expr = xpath.compile("//item[category='" + ESAPI.encoder().encodeForXPath(category) + "']"); // vigil: safe java/xpath-injection
        return (NodeList) expr.evaluate(catalog, XPathConstants.NODESET);
    }

    NodeList byPosition(HttpServletRequest request) throws XPathExpressionException {
        String pos = request.getParameter("pos");
        XPath xpath = XPathFactory.newInstance().newXPath();
        return (NodeList) xpath.evaluate("//item[" + pos + "]", catalog, XPathConstants.NODESET); // vigil: expect java/xpath-injection
    }

    NodeList byPositionParsed(HttpServletRequest request) throws XPathExpressionException {
        int pos = Integer.parseInt(request.getParameter("pos"));
        XPath xpath = XPathFactory.newInstance().newXPath();
        return (NodeList) xpath.evaluate("//item[" + pos + "]", catalog, XPathConstants.NODESET); // vigil: safe java/xpath-injection
    }

    NodeList byTag(HttpServletRequest request) throws XPathExpressionException {
        String tag = request.getHeader("X-Tag");
        String expression = "//item[tag='%s']".formatted(tag);
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, catalog, XPathConstants.NODESET); // vigil: expect java/xpath-injection
    }

    NodeList byTagIgnored(HttpServletRequest request) throws XPathExpressionException {
        String tag = request.getHeader("X-Tag");
        String expression = "//item[tag='%s']".formatted("featured");
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, catalog, XPathConstants.NODESET); // vigil: safe java/xpath-injection
    }
}
