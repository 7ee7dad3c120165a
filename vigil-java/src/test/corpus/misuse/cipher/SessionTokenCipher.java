package corpus.misuse.cipher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * Encrypts session tokens with AES-CBC or AES-GCM. The pairs differ in where the
 * IV comes from: a fresh random value, a constant, or the received message.
 */
public class SessionTokenCipher {

    private static final byte[] FIXED_IV = {0x1f, 0x22, 0x3a, 0x40, 0x51, 0x6e, 0x77, 0x08,
        0x19, 0x2a, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f, 0x10};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SessionTokenCipher(SecretKey key) {
        this.key = key;
    }

    public byte[] encryptWithRandomIv(byte[] token) throws GeneralSecurityException {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding"); // vigil: safe java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv)); // vigil: safe java/weak-cipher
        return concat(iv, cipher.doFinal(token));
    }

    public byte[] encryptWithZeroIv(byte[] token) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16])); // vigil: expect java/weak-cipher
        return cipher.doFinal(token);
    }

    public byte[] encryptWithConstantIv(byte[] token) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        IvParameterSpec iv = new IvParameterSpec(FIXED_IV); // vigil: expect java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key, iv);
        return cipher.doFinal(token);
    }

    public byte[] encryptWithStringIv(byte[] token) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        IvParameterSpec iv = new IvParameterSpec("vigil-session-iv".getBytes(StandardCharsets.UTF_8)); // vigil: expect java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key, iv);
        return cipher.doFinal(token);
    }

    public byte[] encryptGcmWithZeroNonce(byte[] token) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = new byte[12];
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce)); // vigil: expect java/weak-cipher
        return cipher.doFinal(token);
    }

    public byte[] encryptGcmWithRandomNonce(byte[] token) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce)); // vigil: safe java/weak-cipher
        return concat(nonce, cipher.doFinal(token));
    }

    /** Decryption takes the IV that was stored in front of the ciphertext. */
    public byte[] decrypt(byte[] message) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        IvParameterSpec iv = new IvParameterSpec(Arrays.copyOfRange(message, 0, 16)); // vigil: safe java/weak-cipher
        cipher.init(Cipher.DECRYPT_MODE, key, iv);
        return cipher.doFinal(message, 16, message.length - 16);
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }
}
