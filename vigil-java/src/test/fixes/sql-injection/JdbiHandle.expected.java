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
        return handle.createQuery("SELECT action FROM audit WHERE username = ? AND action = ?").bind(0, user).bind(1, action)
                .mapTo(String.class).list();
    }
}
