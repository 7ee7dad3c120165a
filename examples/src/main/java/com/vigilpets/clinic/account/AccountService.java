package com.vigilpets.clinic.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.springframework.stereotype.Service;

/** Staff log-in, remember-me tokens and password resets. */
@Service
public class AccountService {

    private static final Duration RESET_VALIDITY = Duration.ofHours(2);

    private final UserDao users;
    private final SecureRandom secureRandom = new SecureRandom();
    private final Random random = new Random();

    public AccountService(UserDao users) {
        this.users = users;
    }

    public Optional<UserAccount> authenticate(String username, String password) {
        return users.findByUsername(username)
                .filter(account -> MessageDigest.isEqual(
                        hashPassword(password, account.salt()).getBytes(StandardCharsets.US_ASCII),
                        account.passwordHash().getBytes(StandardCharsets.US_ASCII)));
    }

    public void changePassword(long userId, String newPassword) {
        byte[] saltBytes = new byte[16];
        secureRandom.nextBytes(saltBytes); // vigil: safe java/weak-random
        String salt = HexFormat.of().formatHex(saltBytes);
        users.updatePassword(userId, hashPassword(newPassword, salt), salt);
    }

    /** Salted hash kept compatible with the accounts imported from the old system. */
    String hashPassword(String password, String salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5"); // vigil: expect java/weak-hash
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Long-lived token for the "keep me signed in" cookie. */
    public String newRememberMeToken() {
        byte[] bytes = new byte[32];
        secureRandom.nextBytes(bytes); // vigil: safe java/weak-random
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Creates the token e-mailed in the password-reset link. */
    public Optional<String> startPasswordReset(String email) {
        return users.findByEmail(email).map(account -> {
            String token = Long.toHexString(random.nextLong()) + Long.toHexString(System.currentTimeMillis()); // vigil: expect java/weak-random
            users.saveResetToken(account.id(), token, Instant.now().plus(RESET_VALIDITY));
            return token;
        });
    }

    /** Picks which of the on-call vets gets the next walk-in, to spread the load. */
    public int nextOnCallVet(int vetsOnDuty) {
        return random.nextInt(vetsOnDuty); // vigil: safe java/weak-random
    }
}
