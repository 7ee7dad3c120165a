package corpus.taint.sqli.jdbi;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** JDBI: SQL text passed to a Handle is executed; bound values are not part of it. */
public class AuditDao {

    private final Handle handle;

    public AuditDao(Handle handle) {
        this.handle = handle;
    }

    List<String> byUser(String user) {
        return handle.createQuery("SELECT action FROM audit WHERE username = '" + user + "'") // vigil: expect java/sql-injection
                .mapTo(String.class).list();
    }

    List<String> byUserBound(String user) {
        return handle.createQuery("SELECT action FROM audit WHERE username = :user") // vigil: safe java/sql-injection
                .bind("user", user).mapTo(String.class).list();
    }

    int purge(String table) {
        return handle.execute("DELETE FROM " + table); // vigil: expect java/sql-injection
    }
}
