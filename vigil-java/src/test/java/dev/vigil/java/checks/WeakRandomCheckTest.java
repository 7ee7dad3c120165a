package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WeakRandomCheckTest {

    @Test
    void reportsPredictableValuesThatBecomeSecrets() {
        String java = """
                package r;
                import java.security.SecureRandom;
                import java.util.Random;
                import javax.servlet.http.HttpServletResponse;
                class Issuer {
                    private final Random random = new Random();
                    private final Random secure = new SecureRandom();
                    String generateResetToken() {
                        return Integer.toHexString(random.nextInt()); // BAD
                    }
                    void header(HttpServletResponse response) {
                        long v = random.nextLong(); // BAD
                        String text = Long.toString(v);
                        response.setHeader("X-Auth", text);
                    }
                    void stored() {
                        String csrfValue = "c" + random.nextInt(); // BAD
                    }
                    String secureButDeclaredRandom() {
                        return "t" + secure.nextLong();
                    }
                    int dice() {
                        return 1 + random.nextInt(6);
                    }
                    int padding() {
                        int tokenLength = 8 + random.nextInt(8);
                        return tokenLength;
                    }
                    int code() {
                        int code = random.nextInt(10);
                        return code;
                    }
                    boolean coinFlipForToken() {
                        return random.nextInt(2) == 0 && tokenLike();
                    }
                    boolean tokenLike() { return true; }
                    String randomText() {
                        return Long.toString(random.nextLong()); // BAD
                    }
                    void rememberMe(HttpServletResponse response) {
                        String value = randomText();
                        response.addHeader("X-Remember", value);
                    }
                    String label() {
                        return Long.toString(random.nextLong());
                    }
                    String title() {
                        return "Offer " + label();
                    }
                    void seeded() {
                        SecureRandom s = new SecureRandom();
                        s.setSeed(System.currentTimeMillis()); // BAD
                        SecureRandom t = new SecureRandom();
                        t.nextInt();
                        t.setSeed(7L);
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"), CheckTesting.lines(WeakRandomCheck.RULE, "r/Issuer.java", java));
    }

    @Test
    void splitsCamelCaseAndSnakeCaseIntoWords() {
        assertTrue(WeakRandomCheck.hasWord("resetToken", Set.of("token")));
        assertTrue(WeakRandomCheck.hasWord("API_KEY", Set.of("key")));
        assertTrue(WeakRandomCheck.hasWord("sessionID", Set.of("session")));
        assertFalse(WeakRandomCheck.hasWord("monkeyCount", Set.of("key")));
        assertFalse(WeakRandomCheck.hasWord("keyboardLayout", Set.of("key")));
        assertTrue(WeakRandomCheck.describesASecret("tokenLength"));
        assertTrue(WeakRandomCheck.describesASecret("currentKeyID"));
        assertFalse(WeakRandomCheck.describesASecret("sessionId"));
        assertFalse(WeakRandomCheck.describesASecret("rememberMeKey"));
    }
}
