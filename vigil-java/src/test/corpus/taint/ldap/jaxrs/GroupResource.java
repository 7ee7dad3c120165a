package corpus.taint.ldap.jaxrs;

import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

/** Group membership checks over JAX-RS, the filter built in a helper class. */
@Path("/groups")
public class GroupResource {

    private final DirContext ctx;

    public GroupResource(DirContext ctx) {
        this.ctx = ctx;
    }

    @GET
    @Path("/{group}/members")
    public boolean members(@PathParam("group") String group, @QueryParam("user") String user) throws NamingException {
        String filter = Filters.memberFilter(group, user);
        return ctx.search("ou=groups,dc=example,dc=com", filter, new SearchControls()).hasMore(); // vigil: expect java/ldap-injection
    }

    @GET
    @Path("/{group}/members-escaped")
    public boolean membersEscaped(@PathParam("group") String group, @QueryParam("user") String user) throws NamingException {
        String filter = Filters.memberFilter(Filters.escape(group), Filters.escape(user));
        return ctx.search("ou=groups,dc=example,dc=com", filter, new SearchControls()).hasMore(); // vigil: safe java/ldap-injection
    }

    @GET
    @Path("/owner")
    public boolean owner(@HeaderParam("X-Owner") String owner) throws NamingException {
        return ctx.search("ou=groups,dc=example,dc=com", "(owner=uid=" + owner + ",ou=people)", new SearchControls()).hasMore(); // vigil: expect java/ldap-injection
    }

    @GET
    @Path("/owner-args")
    public boolean ownerArgs(@HeaderParam("X-Owner") String owner) throws NamingException {
        return ctx.search("ou=groups,dc=example,dc=com", "(owner=uid={0},ou=people)", new Object[] {owner}, new SearchControls()).hasMore(); // vigil: safe java/ldap-injection
    }
}
