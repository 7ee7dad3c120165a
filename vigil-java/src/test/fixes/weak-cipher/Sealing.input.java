package fixes.cipher;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

public class Sealing {

    private final SecretKey key;

    public Sealing(SecretKey key) {
        this.key = key;
    }

    public byte[] seal(byte[] document) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(document);
    }

    public byte[] open(byte[] sealed) throws GeneralSecurityException {
        // Decryption needs the IV the data was sealed with: refused.
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.DECRYPT_MODE, key);
        return cipher.doFinal(sealed);
    }

    public Cipher legacy() throws GeneralSecurityException {
        // Another algorithm needs another key: refused.
        return Cipher.getInstance("DES/CBC/PKCS5Padding");
    }
}
