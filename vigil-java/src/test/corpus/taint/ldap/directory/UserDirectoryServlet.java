package corpus.taint.ldap.directory;

import java.io.IOException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.esapi.ESAPI;

/** Directory lookups with filters built from request data. */
public class UserDirectoryServlet extends HttpServlet {

    private static final String BASE = "ou=people,dc=example,dc=com";

    private DirContext context;
    private LdapContext ldap;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String uid = request.getParameter("uid");
            SearchControls sc = new SearchControls();
            NamingEnumeration<SearchResult> r = context.search(BASE, "(uid=" + uid + ")", sc); // vigil: expect java/ldap-injection
            NamingEnumeration<SearchResult> r2 = context.search(BASE, "(uid={0})", new Object[] {uid}, sc); // vigil: safe java/ldap-injection
            response.setStatus(r.hasMore() || r2.hasMore() ? 200 : 404);
        } catch (NamingException e) {
            response.sendError(500);
        }
    }

    boolean memberOf(HttpServletRequest request) throws NamingException {
        String group = request.getHeader("X-Group");
        String filter = "(&(objectClass=group)(cn=" + group + "))";
        return new InitialDirContext().search(BASE, filter, new SearchControls()).hasMore(); // vigil: expect java/ldap-injection
    }

    boolean memberOfEncoded(HttpServletRequest request) throws NamingException {
        String group = request.getHeader("X-Group");
        String filter = "(&(objectClass=group)(cn=" + ESAPI.encoder().encodeForLDAP(group) + "))";
        return new InitialDirContext().search(BASE, filter, new SearchControls()).hasMore(); // vigil: safe java/ldap-injection
    }

    boolean byMail(HttpServletRequest request) throws NamingException {
        String mail = request.getParameter("mail");
        return ldap.search(BASE, "(mail=" + mail.trim() + ")", new SearchControls()).hasMore(); // vigil: expect java/ldap-injection
    }

    boolean byMailValidated(HttpServletRequest request) throws NamingException {
        String mail = request.getParameter("mail");
        if (!mail.matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")) {
            return false;
        }
        return ldap.search(BASE, "(mail=" + mail.trim() + ")", new SearchControls()).hasMore(); // vigil: safe java/ldap-injection
    }

    boolean byEmployeeNumber(HttpServletRequest request) throws NamingException {
        String number = request.getParameter("number");
        return ldap.search(BASE, "(employeeNumber=" + number + ")", new SearchControls()).hasMore(); // vigil: expect java/ldap-injection
    }

    boolean byEmployeeNumberParsed(HttpServletRequest request) throws NamingException {
        int number = Integer.parseInt(request.getParameter("number"));
        return ldap.search(BASE, "(employeeNumber=" + number + ")", new SearchControls()).hasMore(); // vigil: safe java/ldap-injection
    }
}
