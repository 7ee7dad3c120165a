package corpus.taint.precision.interproc;

import javax.servlet.http.HttpServletRequest;

/** Echoes the search term as the title. */
public class SearchHandler extends BaseHandler {
    @Override
    protected String title(HttpServletRequest request) {
        return "Results for " + request.getParameter("q");
    }
}
