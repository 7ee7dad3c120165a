package fixtures;

import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

public class WholeExpressionNotFixable {

    private Document doc;

    String query(HttpServletRequest request) throws XPathExpressionException {
        String path = request.getParameter("path");
        return XPathFactory.newInstance().newXPath().evaluate(path, doc);
    }

    String element(HttpServletRequest request) throws XPathExpressionException {
        String name = request.getParameter("name");
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate("/catalog/" + name + "/title", doc);
    }
}
