package corpus.misuse.hash;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Properties;

/** Digest names come from hashing.properties; the configured value is what runs. */
public class ConfiguredDigests {

    private final Properties config = new Properties();

    public ConfiguredDigests() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hashing.properties")) {
            if (in != null) {
                config.load(in);
            }
        }
    }

    public MessageDigest uploadFingerprint() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(config.getProperty("upload.fingerprint.algorithm", "MD5")); // vigil: safe java/weak-hash
    }

    public MessageDigest partnerSignature() throws NoSuchAlgorithmException {
        String algorithm = config.getProperty("partner.signature.digest", "SHA-256");
        return MessageDigest.getInstance(algorithm); // vigil: expect java/weak-hash
    }

    /** Key absent from every properties file: the default is used. */
    public MessageDigest cacheKeyDigest() throws NoSuchAlgorithmException {
        String algorithm = config.getProperty("cache.key.digest", "SHA1");
        return MessageDigest.getInstance(algorithm); // vigil: expect java/weak-hash
    }

    public MessageDigest cacheKeyDigestStrongDefault() throws NoSuchAlgorithmException {
        String algorithm = config.getProperty("cache.key.digest", "SHA-256");
        return MessageDigest.getInstance(algorithm); // vigil: safe java/weak-hash
    }
}
