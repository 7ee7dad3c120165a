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
        return ctx.search("dc=example", "(&(objectClass=person)(uid=" + escapeLdap(uid) + "))", new SearchControls()).hasMore();
    }

    boolean byPrefix(HttpServletRequest request) throws NamingException {
        String prefix = request.getParameter("prefix");
        String filter = new StringBuilder("(cn=").append(escapeLdap(prefix)).append("*)").toString();
        return ctx.search("dc=example", filter, new SearchControls()).hasMore();
    }

    boolean byGroup(HttpServletRequest request, boolean strict) throws NamingException {
        String group = request.getParameter("group");
        String filter = strict ? "(cn=" + escapeLdap(group) + ")" : "(|(cn=" + escapeLdap(group) + ")(description=" + escapeLdap(group) + "))";
        return ctx.search("dc=example", filter, new SearchControls()).hasMore();
    }

    boolean byMember(HttpServletRequest request) throws NamingException {
        String user = request.getParameter("user");
        return ctx.search("dc=example", "(member=uid=" + escapeLdap(escapeLdap(user)) + ",ou=people,dc=example)", new SearchControls()).hasMore();
    }

    Object entry(HttpServletRequest request) throws NamingException {
        String uid = request.getParameter("uid");
        return names.lookup("uid=" + escapeLdap(uid) + ",ou=people,dc=example");
    }

    boolean byNumber(HttpServletRequest request) throws NamingException {
        int number = Integer.parseInt(request.getParameter("n"));
        return ctx.search("dc=example", "(employeeNumber=" + number + ")", new SearchControls()).hasMore();
    }

    /**
     * Escapes LDAP special characters as \XX hex pairs, valid in search filters (RFC 4515) and DNs (RFC 4514).
     * A DN written inside a filter is escaped twice: as a DN value, then as filter text.
     */
    private static String escapeLdap(String value) {
        if (value == null) {
            return null;
        }
        return value.replace("\\", "\\5c").replace("*", "\\2a").replace("(", "\\28").replace(")", "\\29")
                .replace("\0", "\\00").replace(",", "\\2c").replace("+", "\\2b").replace("\"", "\\22")
                .replace("<", "\\3c").replace(">", "\\3e").replace(";", "\\3b").replace("=", "\\3d")
                .replace("#", "\\23");
    }
}
