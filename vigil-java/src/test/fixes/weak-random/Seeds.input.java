package fixes.random;

import java.security.SecureRandom;
import org.apache.commons.lang3.RandomStringUtils;

public class Seeds {

    private static final SecureRandom SECURE = new SecureRandom();

    byte[] fixedSeed() {
        SecureRandom generator = new SecureRandom(new byte[] {1, 2, 3});
        byte[] key = new byte[32];
        generator.nextBytes(key);
        return key;
    }

    byte[] seededLater() {
        SecureRandom generator = new SecureRandom();
        generator.setSeed(42L);
        byte[] token = new byte[16];
        generator.nextBytes(token);
        return token;
    }

    static String password() {
        return RandomStringUtils.randomAlphanumeric(16);
    }

    static String pin() {
        return RandomStringUtils.randomNumeric(6);
    }
}
