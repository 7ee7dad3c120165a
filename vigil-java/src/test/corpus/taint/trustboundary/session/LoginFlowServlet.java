package corpus.taint.trustboundary.session;

import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** Session state fed from the request: what may cross into the trusted session store. */
public class LoginFlowServlet extends HttpServlet {

    private static final Set<String> LOCALES = Set.of("en", "de", "fr");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        String user = request.getParameter("user");
        session.setAttribute("pendingUser", user); // vigil: expect java/trust-boundary-violation
        session.setAttribute("pendingUserLength", user.length()); // vigil: safe java/trust-boundary-violation
        response.sendRedirect("/login/step2");
    }

    void rememberLocale(HttpServletRequest request) {
        String locale = request.getParameter("locale");
        request.getSession().setAttribute("locale", locale); // vigil: expect java/trust-boundary-violation
    }

    void rememberLocaleChecked(HttpServletRequest request) {
        String locale = request.getParameter("locale");
        if (!LOCALES.contains(locale)) {
            return;
        }
        request.getSession().setAttribute("locale", locale); // vigil: safe java/trust-boundary-violation
    }

    void attributeNamedByClient(HttpServletRequest request) {
        String key = request.getHeader("X-Pref");
        request.getSession().setAttribute(key, Boolean.TRUE); // vigil: expect java/trust-boundary-violation
    }

    void attributeNamedByServer(HttpServletRequest request) {
        String key = request.getHeader("X-Pref");
        request.getSession().setAttribute("pref", key != null); // vigil: safe java/trust-boundary-violation
    }

    @SuppressWarnings("deprecation")
    void legacyPutValue(HttpServletRequest request) {
        String cart = request.getParameter("cart");
        request.getSession().putValue("cart", cart); // vigil: expect java/trust-boundary-violation
    }

    @SuppressWarnings("deprecation")
    void legacyPutValueParsed(HttpServletRequest request) {
        long cart = Long.valueOf(request.getParameter("cart"));
        request.getSession().putValue("cart", cart); // vigil: safe java/trust-boundary-violation
    }

    void fromEnvironment(HttpServletRequest request) {
        String region = System.getenv("REGION");
        request.getSession().setAttribute("region", region); // vigil: safe java/trust-boundary-violation
    }

    void fromPathInfo(HttpServletRequest request) {
        String region = request.getPathInfo();
        request.getSession().setAttribute("region", region); // vigil: expect java/trust-boundary-violation
    }
}
