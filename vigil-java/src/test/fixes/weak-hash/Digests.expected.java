package fixes.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.codec.digest.DigestUtils;

public class Digests {

    private static final String CONFIGURED = "SHA-256";

    byte[] fingerprint(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    String token(String value) {
        return DigestUtils.sha256Hex(value);
    }

    byte[] shared(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(CONFIGURED).digest(data);
    }
}
