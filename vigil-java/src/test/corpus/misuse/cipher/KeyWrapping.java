package corpus.misuse.cipher;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * Wraps per-tenant data keys with the tenant's RSA public key. For RSA the "ECB"
 * in the JCA name is a historic label (one block only), so only the padding matters.
 */
public class KeyWrapping {

    public byte[] wrapOaep(PublicKey tenantKey, SecretKey dataKey) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding"); // vigil: safe java/weak-cipher
        rsa.init(Cipher.WRAP_MODE, tenantKey);
        return rsa.wrap(dataKey);
    }

    public byte[] wrapRaw(PublicKey tenantKey, SecretKey dataKey) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding"); // vigil: expect java/weak-cipher
        rsa.init(Cipher.WRAP_MODE, tenantKey);
        return rsa.wrap(dataKey);
    }

    public byte[] wrapRawBouncy(PublicKey tenantKey, SecretKey dataKey) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/NONE/NoPadding"); // vigil: expect java/weak-cipher
        rsa.init(Cipher.WRAP_MODE, tenantKey);
        return rsa.wrap(dataKey);
    }

    /** Provider default for "RSA" is PKCS#1 v1.5 padding, which this rule does not cover. */
    public byte[] wrapProviderDefault(PublicKey tenantKey, SecretKey dataKey) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA"); // vigil: safe java/weak-cipher
        rsa.init(Cipher.WRAP_MODE, tenantKey);
        return rsa.wrap(dataKey);
    }

    public SecretKey newDataKey() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES"); // vigil: safe java/weak-cipher
        generator.init(256);
        return generator.generateKey();
    }

    public SecretKey newLegacyDataKey() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("DESede"); // vigil: expect java/weak-cipher
        return generator.generateKey();
    }
}
