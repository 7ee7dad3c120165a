package corpus.taint.xss.spring;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** Spring handlers that build HTML by hand and return it as the response body. */
@Controller
public class ProfilePageController {

    private final ProfileRenderer renderer = new ProfileRenderer();

    @GetMapping(value = "/profile/{user}", produces = "text/html")
    @ResponseBody
    public String profile(@PathVariable String user) {
        return "<html><body><h1>" + user + "</h1></body></html>";
    }

    @GetMapping(value = "/profile-safe/{user}", produces = "text/html")
    @ResponseBody
    public String profileSafe(@PathVariable String user) {
        return "<html><body><h1>" + HtmlUtils.htmlEscape(user) + "</h1></body></html>";
    }

    @GetMapping(value = "/card", produces = "text/html")
    @ResponseBody
    public String card(@RequestParam String bio) {
        return renderer.card(bio);
    }

    @GetMapping(value = "/card-safe", produces = "text/html")
    @ResponseBody
    public String cardSafe(@RequestParam String bio) {
        return renderer.cardEscaped(bio);
    }

    @GetMapping(value = "/card-static", produces = "text/html")
    @ResponseBody
    public String cardStatic(@RequestParam String bio) {
        return renderer.placeholder(bio);
    }
}
