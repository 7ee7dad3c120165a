package fixes.random;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

public class ResetTokens {

    private final Random random = new Random();

    public String passwordResetToken() {
        return Long.toHexString(random.nextLong());
    }

    public long sessionKey() {
        return ThreadLocalRandom.current().nextLong();
    }
}
