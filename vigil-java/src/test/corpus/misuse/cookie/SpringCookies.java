package corpus.misuse.cookie;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spring ResponseCookie builders; secure and httpOnly default to false. */
@RestController
public class SpringCookies {

    /** Issues opaque server-side session and refresh tokens. */
    public interface SessionIssuer {
        String sessionToken(String user, String password);

        String refreshToken(String user);

        String themeCode(String user);
    }

    private final SessionIssuer sessions;

    public SpringCookies(SessionIssuer sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/session")
    public ResponseEntity<Void> login(@RequestParam String user, @RequestParam String password) {
        String token = sessions.sessionToken(user, password);
        ResponseCookie cookie = ResponseCookie.from("SESSION", token).secure(true).httpOnly(true).sameSite("Strict").path("/").build(); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    @PostMapping("/api/session/legacy")
    public ResponseEntity<Void> legacyLogin(@RequestParam String user, @RequestParam String password) {
        String token = sessions.sessionToken(user, password);
        ResponseCookie cookie = ResponseCookie.from("SESSION", token).secure(false).httpOnly(true).path("/").build(); // vigil: expect java/insecure-cookie
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    @PostMapping("/api/preferences")
    public ResponseEntity<Void> preferences(@RequestParam String user) {
        String theme = sessions.themeCode(user);
        ResponseCookie cookie = ResponseCookie.from("theme", theme).maxAge(Duration.ofDays(365)).path("/").build(); // vigil: expect java/insecure-cookie, java/cookie-without-httponly
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    @PostMapping("/api/refresh")
    public ResponseEntity<Void> refresh(@RequestParam String user) {
        String refreshToken = sessions.refreshToken(user);
        ResponseCookie cookie = ResponseCookie.from("refresh", refreshToken).secure(true).httpOnly(false).path("/api/refresh").build(); // vigil: expect java/cookie-without-httponly
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    @PostMapping("/api/refresh/v2")
    public ResponseEntity<Void> refreshV2(@RequestParam String user) {
        String refreshToken = sessions.refreshToken(user);
        ResponseCookie cookie = ResponseCookie.from("refresh", refreshToken).secure(true).httpOnly(true).path("/api/refresh").build(); // vigil: safe java/insecure-cookie, java/cookie-without-httponly
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }
}
