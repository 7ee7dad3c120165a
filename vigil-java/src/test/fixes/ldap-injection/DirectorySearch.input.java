package fixtures;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServletRequest;

public class DirectorySearch {

    private DirContext ctx;
    private Context names;

    boolean byUid(HttpServletRequest request) throws NamingException {
        String uid = request.getParameter("uid");
        return ctx.search("dc=example", "(&(objectClass=person)(uid=" + uid + "))", new SearchControls()).hasMore();
    }

    boolean byPrefix(HttpServletRequest request) throws NamingException {
        String prefix = request.getParameter("prefix");
        String filter = new StringBuilder("(cn=").append(prefix).append("*)").toString();
        return ctx.search("dc=example", filter, new SearchControls()).hasMore();
    }

    boolean byGroup(HttpServletRequest request, boolean strict) throws NamingException {
        String group = request.getParameter("group");
        String filter = strict ? "(cn=" + group + ")" : "(|(cn=" + group + ")(description=" + group + "))";
        return ctx.search("dc=example", filter, new SearchControls()).hasMore();
    }

    boolean byMember(HttpServletRequest request) throws NamingException {
        String user = request.getParameter("user");
        return ctx.search("dc=example", "(member=uid=" + user + ",ou=people,dc=example)", new SearchControls()).hasMore();
    }

    Object entry(HttpServletRequest request) throws NamingException {
        String uid = request.getParameter("uid");
        return names.lookup("uid=" + uid + ",ou=people,dc=example");
    }

    boolean byNumber(HttpServletRequest request) throws NamingException {
        int number = Integer.parseInt(request.getParameter("n"));
        return ctx.search("dc=example", "(employeeNumber=" + number + ")", new SearchControls()).hasMore();
    }
}
