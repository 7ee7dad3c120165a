package fixes.cipher;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.PrivateKey;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public class CipherNames {

    private static final String LEGACY = "AES/GCM/NoPadding";
    public static final String SHARED = "Blowfish";
    private static final byte[] FIXED_IV = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private final SecretKey key;

    public CipherNames(SecretKey key) {
        this.key = key;
    }

    public Cipher legacy() throws GeneralSecurityException {
        return Cipher.getInstance(LEGACY);
    }

    public Cipher shared() throws GeneralSecurityException {
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    public byte[] sealWithGeneratedKey(byte[] data) throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey fresh = generator.generateKey();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        cipher.init(Cipher.ENCRYPT_MODE, fresh, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(data);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    public byte[] sealWithFixedKey(byte[] data, byte[] secret) throws GeneralSecurityException {
        // AES needs a new key: refused.
        Cipher cipher = Cipher.getInstance("RC4");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "RC4"));
        return cipher.doFinal(data);
    }

    public byte[] open(byte[] sealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }

    public byte[] encryptCbc(byte[] token) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        byte[] ivBytes = new byte[16];
        new SecureRandom().nextBytes(ivBytes);
        IvParameterSpec iv = new IvParameterSpec(ivBytes);
        cipher.init(Cipher.ENCRYPT_MODE, key, iv);
        byte[] sealed = cipher.doFinal(token);
        return ByteBuffer.allocate(ivBytes.length + sealed.length).put(ivBytes).put(sealed).array();
    }

    public byte[] decryptCbc(byte[] message) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(message, 0, 16));
        return cipher.doFinal(message, 16, message.length - 16);
    }

    public byte[] wrap(PublicKey publicKey, byte[] data) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, publicKey);
        return rsa.doFinal(data);
    }

    public byte[] unwrap(PrivateKey privateKey, byte[] data) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        rsa.init(Cipher.DECRYPT_MODE, privateKey);
        return rsa.doFinal(data);
    }
}
