package corpus.taint.trustboundary.wizard;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** A multi-step wizard keeping answers in the session, through a map and a helper. */
public class WizardState extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> answers = new HashMap<>();
        answers.put("step", "2");
        answers.put("answer", request.getParameter("answer"));
        HttpSession session = request.getSession();
        session.setAttribute("step", answers.get("step")); // vigil: safe java/trust-boundary-violation
        session.setAttribute("answer", answers.get("answer")); // vigil: expect java/trust-boundary-violation
        response.sendRedirect("/wizard/2");
    }

    void storeAll(HttpServletRequest request) {
        request.getParameterMap().forEach((k, v) -> request.getSession().setAttribute("wizard." + k, v[0])); // vigil: expect java/trust-boundary-violation
    }

    void storeCount(HttpServletRequest request) {
        int n = request.getParameterMap().size();
        request.getSession().setAttribute("wizard.count", n); // vigil: safe java/trust-boundary-violation
    }
}
