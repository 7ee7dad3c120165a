package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HardcodedKeyCheckTest {

    @Test
    void reportsKeyMaterialFixedInTheSource() {
        String java = """
                package k;
                import io.jsonwebtoken.Jwts;
                import io.jsonwebtoken.security.Keys;
                import java.nio.charset.StandardCharsets;
                import java.security.SecureRandom;
                import javax.crypto.spec.SecretKeySpec;
                class Keys1 {
                    private static final String SECRET = "k3y-material-0123456789abcdef";
                    void all(byte[] given) {
                        new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"); // BAD
                        new SecretKeySpec(new byte[] {1, 2, 3, 4}, "AES"); // BAD
                        new SecretKeySpec(given, "AES");
                        byte[] generated = new byte[32];
                        new SecureRandom().nextBytes(generated);
                        new SecretKeySpec(generated, "AES");
                        new SecretKeySpec("".getBytes(), "AES");
                        Keys.hmacShaKeyFor(SECRET.getBytes()); // BAD
                        Jwts.builder().signWith(Keys.hmacShaKeyFor(System.getenv("K").getBytes()));
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"), CheckTesting.lines(HardcodedKeyCheck.RULE, "k/Keys1.java", java));
    }
}
