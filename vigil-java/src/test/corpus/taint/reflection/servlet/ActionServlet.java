package corpus.taint.reflection.servlet;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Dispatches to a method of this servlet named by the request. */
public class ActionServlet extends HttpServlet {

    private static final Set<String> ACTIONS = Set.of("list", "show");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Method m = ActionServlet.class.getMethod(req.getParameter("action"), HttpServletResponse.class); // vigil: expect java/unsafe-reflection
            m.invoke(this, resp);
        } catch (ReflectiveOperationException e) {
            resp.sendError(400);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getParameter("action");
        if (!ACTIONS.contains(action)) {
            resp.sendError(400);
            return;
        }
        try {
            Method m = ActionServlet.class.getDeclaredMethod(action, HttpServletResponse.class); // vigil: safe java/unsafe-reflection
            m.invoke(this, resp);
        } catch (ReflectiveOperationException e) {
            resp.sendError(400);
        }
    }

    public void list(HttpServletResponse resp) throws IOException {
        resp.getWriter().print("list");
    }

    public void show(HttpServletResponse resp) throws IOException {
        resp.getWriter().print("show");
    }
}
