package com.vigilpets.clinic.account;

import com.vigilpets.clinic.audit.AuditLog;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Log-in, log-out and password-reset pages for the practice staff. */
@Controller
public class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);
    private static final int THIRTY_DAYS = 30 * 24 * 3600;

    private final AccountService accounts;
    private final AuditLog audit;

    public LoginController(AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/login")
    public String form() {
        return "login";
    }

    @PostMapping("/login")
    public String login(@RequestParam String username,
                        @RequestParam String password,
                        @RequestParam(defaultValue = "false") boolean rememberMe,
                        @RequestParam(defaultValue = "/") String next,
                        HttpSession session,
                        HttpServletResponse response) {
        Optional<UserAccount> account = accounts.authenticate(username, password);
        if (account.isEmpty()) {
            LOG.warn("Failed login for user " + username); // vigil: expect java/log-injection
            return "redirect:/login?error";
        }
        LOG.info("Staff member {} logged in", account.get().id()); // vigil: safe java/log-injection
        session.setAttribute("accountId", account.get().id()); // vigil: safe java/trust-boundary-violation

        Cookie display = new Cookie("clinic-session-hint", "1");
        display.setSecure(true);
        display.setHttpOnly(true);
        display.setPath("/");
        response.addCookie(display); // vigil: safe java/insecure-cookie, java/cookie-without-httponly

        if (rememberMe) {
            Cookie remember = new Cookie("remember-me", accounts.newRememberMeToken());
            remember.setMaxAge(THIRTY_DAYS);
            remember.setPath("/");
            response.addCookie(remember); // vigil: expect java/insecure-cookie, java/cookie-without-httponly
        }
        // Send the user back to the page that asked them to log in.
        return "redirect:" + next; // vigil: expect java/open-redirect
    }

    @GetMapping("/logout/done")
    public String loggedOut(@RequestParam(defaultValue = "/") String returnTo, HttpServletResponse response) {
        Cookie cleared = new Cookie("remember-me", "");
        cleared.setMaxAge(0);
        cleared.setPath("/");
        response.addCookie(cleared); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
        if (isLocalPath(returnTo)) {
            return "redirect:" + returnTo; // vigil: safe java/open-redirect
        }
        return "redirect:/";
    }

    @PostMapping("/password-reset")
    public String requestReset(@RequestParam String email) {
        audit.passwordResetRequested(email);
        accounts.startPasswordReset(email);
        // Same answer whether or not the address is known.
        return "redirect:/password-reset/sent";
    }

    /** Only paths on this site: "/x" but not "//host" or "/\host". */
    private static boolean isLocalPath(String target) {
        return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\");
    }
}
