package fixtures;

import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServletRequest;

public class SubFilterNotFixable {

    private DirContext ctx;

    boolean search(HttpServletRequest request) throws NamingException {
        String clause = request.getParameter("clause");
        return ctx.search("dc=example", "(&(objectClass=person)" + clause + ")", new SearchControls()).hasMore();
    }
}
