package corpus.taint.template.views;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Themes and user-defined page snippets. */
@Controller
public class ThemeController {

    private final VelocityEngine velocity;
    private final Configuration freemarker;

    public ThemeController(VelocityEngine velocity, Configuration freemarker) {
        this.velocity = velocity;
        this.freemarker = freemarker;
    }

    @GetMapping("/theme")
    public ModelAndView theme(@RequestParam String theme) {
        return new ModelAndView("themes/" + theme + "/index"); // vigil: expect java/template-injection
    }

    @GetMapping("/theme/known")
    public ModelAndView themeKnown(@RequestParam String theme) {
        String chosen = "dark".equals(theme) ? "dark" : "light";
        return new ModelAndView("themes/" + chosen + "/index"); // vigil: safe java/template-injection
    }

    @GetMapping("/snippet")
    public String snippet(@RequestHeader("X-Snippet") String snippet) {
        StringWriter out = new StringWriter();
        velocity.evaluate(new VelocityContext(), out, "snippet", new StringReader(snippet)); // vigil: expect java/template-injection
        return "snippets/show";
    }

    @GetMapping("/snippet/data")
    public String snippetData(@RequestHeader("X-Snippet") String snippet) {
        StringWriter out = new StringWriter();
        VelocityContext ctx = new VelocityContext(Map.of("snippet", snippet));
        velocity.evaluate(ctx, out, "snippet", new StringReader("<p>$esc.html($snippet)</p>")); // vigil: safe java/template-injection
        return "snippets/show";
    }

    @GetMapping("/snippet/freemarker")
    public String snippetFreemarker(@RequestParam String body) throws Exception {
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("user", body);
        freemarker.setTemplateLoader(loader);
        freemarker.getTemplate("user").process(Map.of(), new StringWriter()); // vigil: expect java/template-injection
        return "snippets/show";
    }

    @GetMapping("/snippet/freemarker-data")
    public String snippetFreemarkerData(@RequestParam String body) throws Exception {
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("user", "<p>${body}</p>");
        freemarker.setTemplateLoader(loader);
        freemarker.getTemplate("user").process(Map.of("body", body), new StringWriter()); // vigil: safe java/template-injection
        return "snippets/show";
    }
}
