package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XxeCheckTest {

    @Test
    void followsEachFactoryToItsParseCall() {
        String java = """
                package x;
                import java.io.InputStream;
                import javax.xml.XMLConstants;
                import javax.xml.parsers.DocumentBuilder;
                import javax.xml.parsers.DocumentBuilderFactory;
                import javax.xml.parsers.SAXParserFactory;
                import javax.xml.stream.XMLInputFactory;
                class Parsers {
                    private static final boolean STRICT = true;
                    private final DocumentBuilderFactory shared;
                    Parsers() throws Exception {
                        shared = DocumentBuilderFactory.newInstance();
                        shared.setFeature("http://apache.org/xml/features/disallow-doctype-decl", STRICT);
                    }
                    void viaField(InputStream in) throws Exception {
                        shared.newDocumentBuilder().parse(in);
                    }
                    void settingAfterParse(InputStream in) throws Exception {
                        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                        DocumentBuilder b = f.newDocumentBuilder();
                        b.parse(in); // BAD
                        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    }
                    void accessExternal(InputStream in) throws Exception {
                        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                        f.newDocumentBuilder().parse(in);
                    }
                    void sax(InputStream in, org.xml.sax.helpers.DefaultHandler h) throws Exception {
                        SAXParserFactory f = SAXParserFactory.newInstance();
                        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                        f.newSAXParser().parse(in, h); // BAD
                    }
                    void stax(InputStream in) throws Exception {
                        XMLInputFactory f = XMLInputFactory.newFactory();
                        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
                        f.createXMLStreamReader(in);
                        XMLInputFactory g = XMLInputFactory.newFactory();
                        g.createXMLEventReader(in); // BAD
                    }
                    void unknownOrigin(DocumentBuilder given, InputStream in) throws Exception {
                        given.parse(in);
                    }
                    void hardenedByHelper(InputStream in) throws Exception {
                        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                        harden(f);
                        f.newDocumentBuilder().parse(in);
                    }
                    private static void harden(DocumentBuilderFactory f) throws Exception {
                        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
                        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"), CheckTesting.lines(XxeCheck.RULE, "x/Parsers.java", java));
    }

    @Test
    void jaxbRawStreamsAreReportedAndHardenedReadersAreNot() {
        String java = """
                package x;
                import jakarta.xml.bind.JAXBContext;
                import jakarta.xml.bind.Unmarshaller;
                import java.io.File;
                import javax.xml.stream.XMLInputFactory;
                class Binding {
                    Object raw(File f, Class<?> type) throws Exception {
                        Unmarshaller u = JAXBContext.newInstance(type).createUnmarshaller();
                        return u.unmarshal(f); // BAD
                    }
                    Object stax(java.io.InputStream in, Unmarshaller u) throws Exception {
                        XMLInputFactory xif = XMLInputFactory.newInstance();
                        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                        return u.unmarshal(xif.createXMLStreamReader(in));
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"), CheckTesting.lines(XxeCheck.RULE, "x/Binding.java", java));
    }
}
