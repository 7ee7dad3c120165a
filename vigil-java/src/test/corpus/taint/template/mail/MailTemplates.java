package corpus.taint.template.mail;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Mail previews rendered with Velocity, FreeMarker and Thymeleaf views. */
@Controller
public class MailTemplates {

    private final Configuration freemarker;

    public MailTemplates(Configuration freemarker) {
        this.freemarker = freemarker;
    }

    @PostMapping("/mail/preview")
    public String preview(@RequestBody String template, Model model) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("user", "Alice");
        StringWriter out = new StringWriter();
        Velocity.evaluate(ctx, out, "preview", template); // vigil: expect java/template-injection
        model.addAttribute("html", out.toString());
        return "mail/preview";
    }

    @PostMapping("/mail/preview-data")
    public String previewData(@RequestBody String name, Model model) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("user", name);
        StringWriter out = new StringWriter();
        Velocity.evaluate(ctx, out, "preview", "Hello $user"); // vigil: safe java/template-injection
        model.addAttribute("html", out.toString());
        return "mail/preview";
    }

    @PostMapping("/mail/freemarker")
    public String freemarker(@RequestParam String source, Model model) throws Exception {
        Template t = new Template("inline", new StringReader(source), freemarker); // vigil: expect java/template-injection
        StringWriter out = new StringWriter();
        t.process(Map.of("user", "Alice"), out);
        model.addAttribute("html", out.toString());
        return "mail/preview";
    }

    @PostMapping("/mail/freemarker-file")
    public String freemarkerFile(@RequestParam String source, Model model) throws Exception {
        Template t = freemarker.getTemplate("welcome.ftl"); // vigil: safe java/template-injection
        StringWriter out = new StringWriter();
        t.process(Map.of("user", source), out);
        model.addAttribute("html", out.toString());
        return "mail/preview";
    }

    @PostMapping("/mail/freemarker-string")
    public String freemarkerString(@RequestParam String name, Model model) throws IOException {
        Template t = new Template("inline", "Hello ${user}", freemarker); // vigil: safe java/template-injection
        model.addAttribute("name", name);
        return t.getName();
    }

    @GetMapping("/mail/{section}")
    public String section(@PathVariable String section, Model model) {
        return "mail/" + section; // vigil: expect java/template-injection
    }

    @GetMapping("/mail/known/{section}")
    public String knownSection(@PathVariable String section, Model model) {
        model.addAttribute("section", section);
        return switch (section) {
            case "inbox" -> "mail/inbox"; // vigil: safe java/template-injection
            case "sent" -> "mail/sent"; // vigil: safe java/template-injection
            default -> "mail/index"; // vigil: safe java/template-injection
        };
    }

    @GetMapping("/mail/lang")
    public String lang(@RequestParam String lang, Model model) {
        model.addAttribute("lang", lang);
        return "mail/index"; // vigil: safe java/template-injection
    }

    @GetMapping("/mail/fragment")
    public String fragment(@RequestParam String name) {
        return "mail/index :: " + name; // vigil: expect java/template-injection
    }
}
