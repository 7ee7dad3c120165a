package corpus.taint.reflection.servlet;

import java.io.IOException;
import java.lang.reflect.Method;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A home-grown MVC dispatcher: the action class comes from the URL. */
public class ActionDispatcher extends HttpServlet {

    private static final String ACTIONS = "corpus.taint.reflection.servlet.actions.";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo().substring(1);
        try {
            Class<?> c = Class.forName(ACTIONS + action); // vigil: expect java/unsafe-reflection
            Method m = c.getMethod("execute", HttpServletRequest.class);
            m.invoke(c.getDeclaredConstructor().newInstance(), request);
        } catch (ReflectiveOperationException e) {
            response.sendError(404);
        }
    }

    void dispatchChecked(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo().substring(1);
        if (!action.matches("[A-Z][A-Za-z]{1,30}")) {
            response.sendError(404);
            return;
        }
        try {
            Class<?> c = Class.forName(ACTIONS + action); // vigil: safe java/unsafe-reflection
            c.getMethod("execute", HttpServletRequest.class).invoke(c.getDeclaredConstructor().newInstance(), request);
        } catch (ReflectiveOperationException e) {
            response.sendError(404);
        }
    }

    void dispatchCookie(HttpServletRequest request) throws ReflectiveOperationException {
        String handler = request.getCookies()[1].getValue();
        Class.forName(handler, false, ActionDispatcher.class.getClassLoader()); // vigil: expect java/unsafe-reflection
    }

    void dispatchCookieKnown(HttpServletRequest request) throws ReflectiveOperationException {
        String handler = request.getCookies()[1].getValue();
        String cls = handler.length() > 3 ? ACTIONS + "Long" : ACTIONS + "Short";
        Class.forName(cls, false, ActionDispatcher.class.getClassLoader()); // vigil: safe java/unsafe-reflection
    }

    void dispatchHeaderEnumOrdinal(HttpServletRequest request) throws ReflectiveOperationException {
        Kind kind = Kind.valueOf(request.getHeader("X-Kind"));
        Class.forName(ACTIONS + kind.name()); // vigil: safe java/unsafe-reflection
    }

    void dispatchHeaderRaw(HttpServletRequest request) throws ReflectiveOperationException {
        String kind = request.getHeader("X-Kind");
        Class.forName(ACTIONS + kind); // vigil: expect java/unsafe-reflection
    }

    enum Kind { List, Show, Edit }
}
