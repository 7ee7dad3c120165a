package corpus.misuse.random;

import java.io.IOException;
import java.util.Random;
import java.util.UUID;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Values that reach a cookie, the session or the response are security context
 * even when the local variable has a bland name.
 */
public class RememberMeServlet extends HttpServlet {

    private final Random random = new Random();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String value = Long.toString(random.nextLong()); // vigil: expect java/weak-random
        Cookie cookie = new Cookie("remember", value);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);

        String marker = Integer.toString(random.nextInt()); // vigil: expect java/weak-random
        request.getSession().setAttribute("csrf", marker);

        String uuid = UUID.randomUUID().toString(); // vigil: safe java/weak-random
        response.setHeader("X-Request-Id", uuid);

        // Spread out bursts of logins from the same office before touching the database.
        long pauseMs = 5 + random.nextInt(20); // vigil: safe java/weak-random
        pause(pauseMs);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
