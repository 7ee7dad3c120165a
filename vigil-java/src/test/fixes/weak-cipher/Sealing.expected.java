package fixes.cipher;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

public class Sealing {

    private final SecretKey key;

    public Sealing(SecretKey key) {
        this.key = key;
    }

    public byte[] seal(byte[] document) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(document);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    public byte[] open(byte[] sealed) throws GeneralSecurityException {
        // Decryption reads the IV from the first 12 bytes, where seal() now writes it.
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }

    public Cipher legacy() throws GeneralSecurityException {
        // Returned uninitialised: the name changes, the callers must pass an AES key and a GCM IV.
        return Cipher.getInstance("AES/GCM/NoPadding");
    }
}
