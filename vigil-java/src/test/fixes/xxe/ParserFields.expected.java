package fixes.xxe;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

public class ParserFields {

    private static final DocumentBuilderFactory SHARED = DocumentBuilderFactory.newInstance();

    private final DocumentBuilder builder;
    private final SAXParser parser;

    public ParserFields() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            builder = factory.newDocumentBuilder();
            SAXParserFactory factory2 = SAXParserFactory.newInstance();
            factory2.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parser = factory2.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    public Document read(InputStream in) throws SAXException, IOException {
        return builder.parse(in);
    }

    public void stream(InputStream in, DefaultHandler handler) throws SAXException, IOException {
        parser.parse(in, handler);
    }

    public Document inline(InputStream in) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(in);
    }

    public Document shared(InputStream in) throws ParserConfigurationException, SAXException, IOException {
        // A factory shared by every caller: refused (harden it where it is created).
        return SHARED.newDocumentBuilder().parse(in);
    }
}
