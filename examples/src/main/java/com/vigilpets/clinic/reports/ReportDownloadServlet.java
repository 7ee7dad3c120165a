package com.vigilpets.clinic.reports;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Downloads of generated PDFs: invoices by number, vaccination certificates by
 * file name, and the older "any report" link still used in e-mails.
 */
@WebServlet(urlPatterns = {"/reports/download", "/reports/invoice", "/reports/certificate"})
public class ReportDownloadServlet extends HttpServlet {

    private final Path reportsDir = Path.of(System.getProperty("petclinic.reports.dir", "/var/lib/petclinic/reports"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/reports/invoice" -> invoice(request, response);
            case "/reports/certificate" -> certificate(request, response);
            default -> anyReport(request, response);
        }
    }

    /** Links in old e-mails look like /reports/download?file=2023/invoice-118.pdf */
    private void anyReport(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment");
        try (InputStream in = new FileInputStream(new File(reportsDir.toFile(), name))) { // vigil: expect java/path-traversal
            in.transferTo(response.getOutputStream());
        }
    }

    /** Invoices are addressed by their number only. */
    private void invoice(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long number;
        try {
            number = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String fileName = "invoice-" + number + ".pdf";
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\""); // vigil: safe java/header-injection
        try (InputStream in = new FileInputStream(new File(reportsDir.toFile(), fileName))) { // vigil: safe java/path-traversal
            in.transferTo(response.getOutputStream());
        }
    }

    /** Certificates keep their generated names; the resolved path must stay inside the reports folder. */
    private void certificate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        if (name == null || name.isBlank()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Path base = reportsDir.toRealPath();
        Path requested = base.resolve(name).normalize(); // vigil: safe java/path-traversal
        if (!requested.startsWith(base) || !Files.isRegularFile(requested)) { // vigil: safe java/path-traversal
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        Files.copy(requested, response.getOutputStream()); // vigil: safe java/path-traversal
    }
}
