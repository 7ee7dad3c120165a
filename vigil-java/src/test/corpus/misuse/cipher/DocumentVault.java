package corpus.misuse.cipher;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts uploaded documents at rest. Each pair of methods differs only in the
 * transformation string handed to Cipher.getInstance.
 */
public class DocumentVault {

    private static final int GCM_TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    public DocumentVault(SecretKey key) {
        this.key = key;
    }

    public byte[] sealGcm(byte[] document) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding"); // vigil: safe java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, nonce)); // vigil: safe java/weak-cipher
        byte[] sealed = cipher.doFinal(document);
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }

    /** "AES" alone means AES/ECB/PKCS5Padding with the SunJCE provider. */
    public byte[] sealDefaultMode(byte[] document) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES"); // vigil: expect java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(document);
    }

    public byte[] sealExplicitEcb(byte[] document) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding"); // vigil: expect java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(document);
    }

    public byte[] sealLowercaseEcb(byte[] document) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("aes/ecb/pkcs5padding"); // vigil: expect java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(document);
    }

    public byte[] sealChaCha(byte[] document, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305"); // vigil: safe java/weak-cipher
        cipher.init(Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(nonce)); // vigil: safe java/weak-cipher
        return cipher.doFinal(document);
    }

    public Cipher legacyDes() throws GeneralSecurityException {
        return Cipher.getInstance("DES/CBC/PKCS5Padding"); // vigil: expect java/weak-cipher
    }

    public Cipher legacyTripleDes() throws GeneralSecurityException {
        return Cipher.getInstance("DESede/CBC/PKCS5Padding"); // vigil: expect java/weak-cipher
    }

    public Cipher modernCbc() throws GeneralSecurityException {
        return Cipher.getInstance("AES/CBC/PKCS5Padding"); // vigil: safe java/weak-cipher
    }

    public Cipher streamRc4() throws GeneralSecurityException {
        return Cipher.getInstance("RC4"); // vigil: expect java/weak-cipher
    }

    public Cipher streamChaCha() throws GeneralSecurityException {
        return Cipher.getInstance("ChaCha20"); // vigil: safe java/weak-cipher
    }

    public Cipher blowfish() throws GeneralSecurityException {
        return Cipher.getInstance("Blowfish/CBC/PKCS5Padding"); // vigil: expect java/weak-cipher
    }

    public Cipher rc2() throws GeneralSecurityException {
        return Cipher.getInstance("RC2/CBC/PKCS5Padding"); // vigil: expect java/weak-cipher
    }

    public Cipher aesCtr() throws GeneralSecurityException {
        return Cipher.getInstance("AES/CTR/NoPadding"); // vigil: safe java/weak-cipher
    }
}
