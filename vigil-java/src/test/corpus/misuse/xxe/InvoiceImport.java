package corpus.misuse.xxe;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses supplier invoices uploaded as XML. Every method builds its own factory;
 * they differ only in which hardening features are applied before parse().
 */
public class InvoiceImport {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    public Document defaults(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(upload); // vigil: expect java/xxe
    }

    public Document doctypeDisallowed(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(upload); // vigil: safe java/xxe
    }

    public Document doctypeDisallowedViaConstant(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(DISALLOW_DOCTYPE, true);
        return factory.newDocumentBuilder().parse(upload); // vigil: safe java/xxe
    }

    /** The feature is named but switched the wrong way. */
    public Document doctypeAllowedExplicitly(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(DISALLOW_DOCTYPE, false);
        return factory.newDocumentBuilder().parse(upload); // vigil: expect java/xxe
    }

    public Document externalEntitiesOff(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(EXTERNAL_GENERAL, false);
        factory.setFeature(EXTERNAL_PARAMETER, false);
        factory.setFeature(LOAD_EXTERNAL_DTD, false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(upload); // vigil: safe java/xxe
    }

    /** Parameter entities can still pull an external DTD. */
    public Document onlyGeneralEntitiesOff(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(EXTERNAL_GENERAL, false);
        return factory.newDocumentBuilder().parse(upload); // vigil: expect java/xxe
    }

    /** setExpandEntityReferences(false) alone still resolves external entities. */
    public Document expandEntityReferencesOnly(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(upload); // vigil: expect java/xxe
    }

    public Document xincludeOffOnly(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setXIncludeAware(false);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(upload); // vigil: expect java/xxe
    }

    public Document accessExternalBlocked(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder().parse(upload); // vigil: safe java/xxe
    }

    /** Allowing "all" protocols is the opposite of hardening. */
    public Document accessExternalAll(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "all");
        return factory.newDocumentBuilder().parse(upload); // vigil: expect java/xxe
    }

    /** Secure processing alone depends on which parser implementation is on the classpath. */
    public Document secureProcessingOnly(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(upload); // vigil: expect java/xxe
    }

    public Document viaHardenedFactoryHelper(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
        return builder.parse(upload); // vigil: safe java/xxe
    }

    /** The hardened factory is built, then a fresh default one is used. */
    public Document hardenedTheWrongFactory(InputStream upload) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory hardened = DocumentBuilderFactory.newInstance();
        hardened.setFeature(DISALLOW_DOCTYPE, true);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(upload); // vigil: expect java/xxe
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(DISALLOW_DOCTYPE, true);
        factory.setXIncludeAware(false);
        return factory;
    }
}
