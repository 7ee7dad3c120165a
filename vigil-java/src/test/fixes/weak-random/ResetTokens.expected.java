package fixes.random;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

public class ResetTokens {

    private final Random random = new SecureRandom();

    public String passwordResetToken() {
        return Long.toHexString(random.nextLong());
    }

    public long sessionKey() {
        return new SecureRandom().nextLong();
    }
}
