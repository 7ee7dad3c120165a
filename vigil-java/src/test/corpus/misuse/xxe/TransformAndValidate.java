package corpus.misuse.xxe;

import java.io.InputStream;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.bind.JAXBContext;
import javax.xml.bind.Unmarshaller;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/** Pretty-printing, schema validation and JAXB binding of shipment notices. */
public class TransformAndValidate {

    public String prettyPrintDefaults(InputStream notice) throws Exception {
        TransformerFactory factory = TransformerFactory.newInstance();
        Transformer transformer = factory.newTransformer();
        StringWriter out = new StringWriter();
        transformer.transform(new StreamSource(notice), new StreamResult(out)); // vigil: expect java/xxe
        return out.toString();
    }

    public String prettyPrintHardened(InputStream notice) throws Exception {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer();
        StringWriter out = new StringWriter();
        transformer.transform(new StreamSource(notice), new StreamResult(out)); // vigil: safe java/xxe
        return out.toString();
    }

    public Schema schemaDefaults(InputStream xsd) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(new StreamSource(xsd)); // vigil: expect java/xxe
    }

    public Schema schemaHardened(InputStream xsd) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(new StreamSource(xsd)); // vigil: safe java/xxe
    }

    /** Unmarshalling a raw stream lets the JAXB provider pick a default parser. */
    public Object bindRawStream(InputStream notice, Class<?> type) throws Exception {
        Unmarshaller unmarshaller = JAXBContext.newInstance(type).createUnmarshaller();
        return unmarshaller.unmarshal(notice); // vigil: expect java/xxe
    }

    public Object bindFromHardenedStax(InputStream notice, Class<?> type) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = xif.createXMLStreamReader(notice); // vigil: safe java/xxe
        Unmarshaller unmarshaller = JAXBContext.newInstance(type).createUnmarshaller();
        return unmarshaller.unmarshal(reader); // vigil: safe java/xxe
    }

    public Object bindFromHardenedSax(InputStream notice, Class<?> type) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        XMLReader reader = spf.newSAXParser().getXMLReader();
        Unmarshaller unmarshaller = JAXBContext.newInstance(type).createUnmarshaller();
        return unmarshaller.unmarshal(new SAXSource(reader, new InputSource(notice))); // vigil: safe java/xxe
    }

    public Object bindFromDefaultStax(InputStream notice, Class<?> type) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        XMLStreamReader reader = xif.createXMLStreamReader(notice); // vigil: expect java/xxe
        Unmarshaller unmarshaller = JAXBContext.newInstance(type).createUnmarshaller();
        return unmarshaller.unmarshal(reader);
    }
}
