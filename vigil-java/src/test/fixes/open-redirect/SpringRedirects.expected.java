package fixes.redirect;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

@Controller
public class SpringRedirects {

    @GetMapping("/sso/done")
    public String done(@RequestParam String returnTo) {
        return "redirect:" + (returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.startsWith("/\\") ? returnTo : "/");
    }

    @GetMapping("/sso/view")
    public RedirectView view(@RequestParam String returnTo) {
        return new RedirectView(returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.startsWith("/\\") ? returnTo : "/");
    }
}
