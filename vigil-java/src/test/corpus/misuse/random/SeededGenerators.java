package corpus.misuse.random;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** A SecureRandom seeded with a constant produces the same stream on every start. */
public class SeededGenerators {

    private static final long SEED = 0x5eed_cafeL;

    public byte[] keyMaterialFixedSeedBytes() {
        SecureRandom generator = new SecureRandom("vigil-demo-seed".getBytes(StandardCharsets.UTF_8)); // vigil: expect java/weak-random
        byte[] key = new byte[32];
        generator.nextBytes(key);
        return key;
    }

    public byte[] keyMaterialSelfSeeded() {
        SecureRandom generator = new SecureRandom(); // vigil: safe java/weak-random
        byte[] key = new byte[32];
        generator.nextBytes(key);
        return key;
    }

    public byte[] keyMaterialSha1PrngFixedSeed() throws NoSuchAlgorithmException {
        SecureRandom generator = SecureRandom.getInstance("SHA1PRNG"); // vigil: safe java/weak-hash
        generator.setSeed(SEED); // vigil: expect java/weak-random
        byte[] key = new byte[32];
        generator.nextBytes(key);
        return key;
    }

    public byte[] keyMaterialSha1PrngSeededFromStrong() throws NoSuchAlgorithmException {
        SecureRandom generator = SecureRandom.getInstance("SHA1PRNG"); // vigil: safe java/weak-hash
        generator.setSeed(SecureRandom.getInstanceStrong().generateSeed(32)); // vigil: safe java/weak-random
        byte[] key = new byte[32];
        generator.nextBytes(key);
        return key;
    }

    public byte[] tokenSeedLiteral() {
        SecureRandom generator = new SecureRandom();
        generator.setSeed(42L); // vigil: expect java/weak-random
        byte[] token = new byte[16];
        generator.nextBytes(token);
        return token;
    }

    public byte[] tokenStrongInstance() throws NoSuchAlgorithmException {
        SecureRandom generator = SecureRandom.getInstanceStrong(); // vigil: safe java/weak-random
        byte[] token = new byte[16];
        generator.nextBytes(token);
        return token;
    }
}
