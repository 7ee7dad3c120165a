package corpus.misuse.random;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.lang3.RandomStringUtils;

/**
 * Issues the secrets the account service hands out. Every value here is a
 * credential, so only a CSPRNG is acceptable.
 */
public class TokenIssuer {

    private static final SecureRandom SECURE = new SecureRandom();
    private final Random random = new Random();

    public String passwordResetToken() {
        return Long.toHexString(random.nextLong()); // vigil: expect java/weak-random
    }

    public String passwordResetTokenSecure() {
        byte[] bytes = new byte[32];
        SECURE.nextBytes(bytes); // vigil: safe java/weak-random
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String sessionId() {
        byte[] bytes = new byte[16];
        new Random().nextBytes(bytes); // vigil: expect java/weak-random
        return HexFormat.of().formatHex(bytes);
    }

    public String sessionIdSecure() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes); // vigil: safe java/weak-random
        return HexFormat.of().formatHex(bytes);
    }

    public int oneTimeCode() {
        int otp = 100_000 + random.nextInt(900_000); // vigil: expect java/weak-random
        return otp;
    }

    public int oneTimeCodeSecure() {
        int otp = 100_000 + SECURE.nextInt(900_000); // vigil: safe java/weak-random
        return otp;
    }

    public String apiKey() {
        long apiKey = ThreadLocalRandom.current().nextLong(); // vigil: expect java/weak-random
        return "ak_" + Long.toUnsignedString(apiKey, 36);
    }

    public String temporaryPassword() {
        return RandomStringUtils.randomAlphanumeric(16); // vigil: expect java/weak-random
    }

    public String temporaryPasswordSecure() {
        return RandomStringUtils.random(16, 0, 0, true, true, null, SECURE); // vigil: safe java/weak-random
    }

    public String inviteCode() {
        return RandomStringUtils.secure().nextAlphanumeric(10); // vigil: safe java/weak-random
    }

    public String nonce() {
        String nonce = Double.toString(Math.random()).substring(2); // vigil: expect java/weak-random
        return nonce;
    }

    public byte[] salt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt); // vigil: expect java/weak-random
        return salt;
    }

    public byte[] saltSecure() {
        byte[] salt = new byte[16];
        SECURE.nextBytes(salt); // vigil: safe java/weak-random
        return salt;
    }
}
