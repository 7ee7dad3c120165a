package fixtures;

import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

public class CatalogQueries {

    private final XPath shared = XPathFactory.newInstance().newXPath();
    private Document catalog;

    String price(HttpServletRequest request) throws XPathExpressionException {
        String sku = request.getParameter("sku");
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate("/catalog/item[@sku=\"SKU-" + sku + "\"]/price", catalog);
    }

    NodeList cheaperThan(HttpServletRequest request) throws XPathExpressionException {
        String max = request.getParameter("max");
        String kind = request.getParameter("kind");
        String query = "//item[price < " + max + " and @kind='" + kind + "']";
        return (NodeList) shared.evaluate(query, catalog, XPathConstants.NODESET);
    }

    int count(HttpServletRequest request) throws XPathExpressionException {
        String tag = request.getParameter("tag");
        return Integer.parseInt(XPathFactory.newInstance().newXPath().evaluate("count(//item[tag='" + tag + "'])", catalog));
    }

    String name(HttpServletRequest request) throws XPathExpressionException {
        String id = request.getParameter("id");
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate(String.format("/catalog/item[@id='%s']/name", id), catalog);
    }
}
