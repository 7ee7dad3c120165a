package corpus.taint.precision.interproc;

import javax.servlet.http.HttpServletRequest;

/** A fixed title whatever the request. */
public class AboutHandler extends BaseHandler {
    @Override
    protected String title(HttpServletRequest request) {
        return "About us";
    }
}
