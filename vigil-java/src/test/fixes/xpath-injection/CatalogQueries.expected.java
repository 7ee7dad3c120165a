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
        xpath.setXPathVariableResolver(variable -> "sku".equals(variable.getLocalPart()) ? "SKU-" + sku : null);
        return xpath.evaluate("/catalog/item[@sku=$sku]/price", catalog);
    }

    NodeList cheaperThan(HttpServletRequest request) throws XPathExpressionException {
        String max = request.getParameter("max");
        String kind = request.getParameter("kind");
        String query = "//item[price < number($max) and @kind=$kind]";
        XPath boundXPath = XPathFactory.newInstance().newXPath();
        boundXPath.setXPathVariableResolver(variable ->
                "max".equals(variable.getLocalPart()) ? String.valueOf(max) :
                "kind".equals(variable.getLocalPart()) ? String.valueOf(kind) : null);
        return (NodeList) boundXPath.evaluate(query, catalog, XPathConstants.NODESET);
    }

    int count(HttpServletRequest request) throws XPathExpressionException {
        String tag = request.getParameter("tag");
        XPath boundXPath = XPathFactory.newInstance().newXPath();
        boundXPath.setXPathVariableResolver(variable -> "tag".equals(variable.getLocalPart()) ? String.valueOf(tag) : null);
        return Integer.parseInt(boundXPath.evaluate("count(//item[tag=$tag])", catalog));
    }

    String name(HttpServletRequest request) throws XPathExpressionException {
        String id = request.getParameter("id");
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver(variable -> "id".equals(variable.getLocalPart()) ? String.valueOf(id) : null);
        return xpath.evaluate("/catalog/item[@id=$id]/name", catalog);
    }
}
