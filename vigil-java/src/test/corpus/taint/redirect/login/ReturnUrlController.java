package corpus.taint.redirect.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The local-path check written as a rejection: if (!x.startsWith("/") || x.startsWith("//") || ...) reject. */
@Controller
public class ReturnUrlController {

    @GetMapping("/after-login")
    public String afterLogin(@RequestParam String returnUrl) {
        if (!returnUrl.startsWith("/") || returnUrl.startsWith("//") || returnUrl.startsWith("/\\")) {
            return "redirect:/home";
        }
        return "redirect:" + returnUrl; // vigil: safe java/open-redirect
    }

    @GetMapping("/after-logout")
    public String afterLogout(@RequestParam String returnUrl) {
        if (!returnUrl.startsWith("/") || returnUrl.startsWith("//")) {
            return "redirect:/home";
        }
        return "redirect:" + returnUrl; // vigil: expect java/open-redirect
    }

    @GetMapping("/after-signup")
    public String afterSignup(@RequestParam String returnUrl) {
        if (returnUrl.startsWith("/") || returnUrl.startsWith("//") || returnUrl.startsWith("/\\")) {
            return "redirect:" + returnUrl; // vigil: expect java/open-redirect
        }
        return "redirect:/home";
    }
}
