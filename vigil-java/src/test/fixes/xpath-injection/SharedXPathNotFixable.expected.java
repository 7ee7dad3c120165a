package fixtures;

import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import org.w3c.dom.Document;

public class SharedXPathNotFixable {

    private final XPath xpath;
    private Document doc;

    public SharedXPathNotFixable(XPath xpath) {
        this.xpath = xpath;
    }

    String title(HttpServletRequest request) throws XPathExpressionException {
        String id = request.getParameter("id");
        return xpath.evaluate("/books/book[@id='" + id + "']/title", doc);
    }
}
