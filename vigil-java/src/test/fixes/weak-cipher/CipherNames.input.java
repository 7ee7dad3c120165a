package fixes.cipher;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.PrivateKey;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public class CipherNames {

    private static final String LEGACY = "DESede/CBC/PKCS5Padding";
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
        return Cipher.getInstance(SHARED);
    }

    public byte[] sealWithGeneratedKey(byte[] data) throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("DES");
        SecretKey fresh = generator.generateKey();
        Cipher cipher = Cipher.getInstance("DES/ECB/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, fresh);
        return cipher.doFinal(data);
    }

    public byte[] sealWithFixedKey(byte[] data, byte[] secret) throws GeneralSecurityException {
        // AES needs a new key: refused.
        Cipher cipher = Cipher.getInstance("RC4");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "RC4"));
        return cipher.doFinal(data);
    }

    public byte[] open(byte[] sealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, key);
        return cipher.doFinal(sealed);
    }

    public byte[] encryptCbc(byte[] token) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        IvParameterSpec iv = new IvParameterSpec(FIXED_IV);
        cipher.init(Cipher.ENCRYPT_MODE, key, iv);
        return cipher.doFinal(token);
    }

    public byte[] decryptCbc(byte[] message) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(FIXED_IV));
        return cipher.doFinal(message);
    }

    public byte[] wrap(PublicKey publicKey, byte[] data) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
        rsa.init(Cipher.ENCRYPT_MODE, publicKey);
        return rsa.doFinal(data);
    }

    public byte[] unwrap(PrivateKey privateKey, byte[] data) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
        rsa.init(Cipher.DECRYPT_MODE, privateKey);
        return rsa.doFinal(data);
    }
}
