package com.vigilpets.clinic.admin;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Imports XML exports: vaccination records from the practice's previous software
 * and lab results sent by the reference laboratory.
 */
@Service
public class RecordImportService {

    /** One vaccination line of an export file. */
    public record Vaccination(String chipNumber, String vaccine, LocalDate date) {
    }

    /** One lab result of the laboratory's XML report. */
    public record LabResult(String sampleId, String test, String value) {
    }

    public List<Vaccination> importVaccinations(InputStream export) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setIgnoringComments(true);
            Document document = factory.newDocumentBuilder().parse(export); // vigil: expect java/xxe
            List<Vaccination> result = new ArrayList<>();
            NodeList rows = document.getElementsByTagName("vaccination");
            for (int i = 0; i < rows.getLength(); i++) {
                Element row = (Element) rows.item(i);
                result.add(new Vaccination(row.getAttribute("chip"), row.getAttribute("vaccine"),
                        LocalDate.parse(row.getAttribute("date"))));
            }
            return result;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a valid vaccination export: " + e.getMessage(), e);
        }
    }

    public List<LabResult> importLabResults(InputStream report) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(report); // vigil: safe java/xxe
            List<LabResult> result = new ArrayList<>();
            NodeList rows = document.getElementsByTagName("result");
            for (int i = 0; i < rows.getLength(); i++) {
                Element row = (Element) rows.item(i);
                result.add(new LabResult(row.getAttribute("sample"), row.getAttribute("test"), row.getTextContent()));
            }
            return result;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a valid lab report: " + e.getMessage(), e);
        }
    }
}
