package corpus.taint.redirect.login;

import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** Spring redirects through view names and RedirectView. */
@Controller
public class SsoController {

    private static final Set<String> TRUSTED = Set.of("https://portal.example.com/", "https://docs.example.com/");

    @GetMapping("/sso/done")
    public String done(@RequestParam String returnTo) {
        return "redirect:" + returnTo; // vigil: expect java/open-redirect
    }

    @GetMapping("/sso/done-trusted")
    public String doneTrusted(@RequestParam String returnTo) {
        if (!TRUSTED.contains(returnTo)) {
            return "redirect:/";
        }
        return "redirect:" + returnTo; // vigil: safe java/open-redirect
    }

    @GetMapping("/sso/logout")
    public RedirectView logout(@RequestParam String returnTo) {
        return new RedirectView(returnTo); // vigil: expect java/open-redirect
    }

    @GetMapping("/sso/logout-fixed")
    public RedirectView logoutFixed(@RequestParam String returnTo) {
        return new RedirectView(returnTo.isBlank() ? "/" : "/goodbye"); // vigil: safe java/open-redirect
    }
}
