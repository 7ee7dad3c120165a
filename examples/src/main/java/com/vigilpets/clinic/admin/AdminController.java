package com.vigilpets.clinic.admin;

import com.vigilpets.clinic.audit.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The admin area: network tools and data imports. */
@Controller
public class AdminController {

    private final NetworkDiagnostics diagnostics;
    private final RecordImportService imports;
    private final AuditLog audit;

    public AdminController(NetworkDiagnostics diagnostics, RecordImportService imports, AuditLog audit) {
        this.diagnostics = diagnostics;
        this.imports = imports;
        this.audit = audit;
    }

    @GetMapping("/admin")
    public String index() {
        return "admin/index";
    }

    @PostMapping("/admin/ping")
    public String ping(@RequestParam String host, Principal admin, Model model) throws IOException, InterruptedException {
        audit.adminAction(admin.getName(), "ping " + host);
        model.addAttribute("output", diagnostics.ping(host));
        return "admin/tool-output";
    }

    @PostMapping("/admin/traceroute")
    public String traceroute(@RequestParam String host, Principal admin, Model model) throws IOException, InterruptedException {
        audit.adminAction(admin.getName(), "traceroute " + host);
        model.addAttribute("output", diagnostics.traceroute(host));
        return "admin/tool-output";
    }

    @PostMapping("/admin/import/vaccinations")
    public String importVaccinations(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("imported", imports.importVaccinations(in).size());
        }
        return "admin/import-done";
    }

    @PostMapping("/admin/import/lab-results")
    public String importLabResults(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("imported", imports.importLabResults(in).size());
        }
        return "admin/import-done";
    }
}
