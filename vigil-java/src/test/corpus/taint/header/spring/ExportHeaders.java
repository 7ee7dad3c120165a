package corpus.taint.header.spring;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export endpoints that echo request values into response headers and cookies. */
@RestController
public class ExportHeaders {

    @GetMapping("/export/name")
    public void name(@RequestParam String filename, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + filename); // vigil: expect java/header-injection
    }

    @GetMapping("/export/name-fixed")
    public void nameFixed(@RequestParam String filename, HttpServletResponse response) {
        String safeName = filename.matches("[A-Za-z0-9_.-]+") ? filename : "export.csv";
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + safeName); // vigil: safe java/header-injection
    }

    @GetMapping("/export/request-id")
    public void requestId(@RequestHeader("X-Request-Id") String id, HttpServletResponse response) {
        response.addHeader("X-Request-Id", id); // vigil: expect java/header-injection
    }

    @GetMapping("/export/request-id-number")
    public void requestIdNumber(@RequestHeader("X-Request-Id") String id, HttpServletResponse response) {
        response.addHeader("X-Request-Id", Long.toString(Long.parseLong(id))); // vigil: safe java/header-injection
    }

    @GetMapping("/export/remember")
    public void remember(@RequestParam String view, HttpServletResponse response) {
        Cookie c = new Cookie("lastView", view);
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setPath("/export");
        response.addCookie(c); // vigil: expect java/header-injection
    }

    @GetMapping("/export/remember-flag")
    public void rememberFlag(@RequestParam String view, HttpServletResponse response) {
        Cookie c = new Cookie("lastView", Boolean.toString(view.isEmpty()));
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setPath("/export");
        response.addCookie(c); // vigil: safe java/header-injection
    }
}
