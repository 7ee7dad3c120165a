package corpus.misuse.xxe;

import java.io.InputStream;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLReaderFactory;

/** Streaming readers for partner product feeds (SAX, StAX and raw XMLReader). */
public class FeedReaders {

    public void saxDefaults(InputStream feed, DefaultHandler handler) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        SAXParser parser = factory.newSAXParser();
        parser.parse(feed, handler); // vigil: expect java/xxe
    }

    public void saxDoctypeDisallowed(InputStream feed, DefaultHandler handler) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        SAXParser parser = factory.newSAXParser();
        parser.parse(feed, handler); // vigil: safe java/xxe
    }

    public void saxValidatingOnly(InputStream feed, DefaultHandler handler) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setValidating(false);
        factory.setNamespaceAware(true);
        factory.newSAXParser().parse(feed, handler); // vigil: expect java/xxe
    }

    public void saxEntitiesOff(InputStream feed, DefaultHandler handler) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.newSAXParser().parse(feed, handler); // vigil: safe java/xxe
    }

    public void readerFromParserDefaults(InputStream feed, DefaultHandler handler) throws Exception {
        XMLReader reader = SAXParserFactory.newInstance().newSAXParser().getXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(feed)); // vigil: expect java/xxe
    }

    public void readerHardenedDirectly(InputStream feed, DefaultHandler handler) throws Exception {
        XMLReader reader = SAXParserFactory.newInstance().newSAXParser().getXMLReader();
        reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        reader.setContentHandler(handler);
        reader.parse(new InputSource(feed)); // vigil: safe java/xxe
    }

    @SuppressWarnings("deprecation")
    public void legacyReaderFactory(InputStream feed, DefaultHandler handler) throws Exception {
        XMLReader reader = XMLReaderFactory.createXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(feed)); // vigil: expect java/xxe
    }

    public XMLStreamReader staxDefaults(InputStream feed) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        return factory.createXMLStreamReader(feed); // vigil: expect java/xxe
    }

    public XMLStreamReader staxDtdOff(InputStream feed) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return factory.createXMLStreamReader(feed); // vigil: safe java/xxe
    }

    public XMLStreamReader staxExternalEntitiesOff(InputStream feed) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty("javax.xml.stream.isSupportingExternalEntities", Boolean.FALSE);
        return factory.createXMLStreamReader(feed); // vigil: safe java/xxe
    }

    /** Coalescing is unrelated to entity resolution. */
    public XMLStreamReader staxCoalescingOnly(InputStream feed) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(feed); // vigil: expect java/xxe
    }

    public XMLStreamReader staxDtdExplicitlyOn(InputStream feed) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, true);
        return factory.createXMLStreamReader(feed); // vigil: expect java/xxe
    }
}
