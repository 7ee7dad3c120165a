package fixes.sqli;

import java.util.List;
import javax.servlet.http.HttpServletRequest;
import org.jdbi.v3.core.Handle;

public class JdbiHandle {

    private final Handle handle;

    public JdbiHandle(Handle handle) {
        this.handle = handle;
    }

    List<String> byUser(HttpServletRequest request) {
        String user = request.getParameter("user");
        String action = request.getParameter("action");
        return handle.createQuery("SELECT action FROM audit WHERE username = '" + user + "' AND action = '" + action + "'")
                .mapTo(String.class).list();
    }
}
