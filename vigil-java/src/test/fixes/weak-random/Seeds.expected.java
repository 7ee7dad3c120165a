package fixes.random;

import java.security.SecureRandom;
import org.apache.commons.lang3.RandomStringUtils;

public class Seeds {

    private static final SecureRandom SECURE = new SecureRandom();

    byte[] fixedSeed() {
        SecureRandom generator = new SecureRandom();
        byte[] key = new byte[32];
        generator.nextBytes(key);
        return key;
    }

    byte[] seededLater() {
        SecureRandom generator = new SecureRandom();
        byte[] token = new byte[16];
        generator.nextBytes(token);
        return token;
    }

    static String password() {
        return RandomStringUtils.random(16, 0, 0, true, true, null, SECURE);
    }

    static String pin() {
        return RandomStringUtils.random(6, 0, 0, false, true, null, SECURE);
    }
}
