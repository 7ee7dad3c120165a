package fixes.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Properties;

public class DigestNames {

    private static final String LEGACY = "SHA-256";
    private static final String MIXED = "SHA-1";
    public static final String PUBLISHED = "MD5";

    private final Properties config = new Properties();

    byte[] legacy(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(LEGACY).digest(data);
    }

    byte[] published(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    byte[] mixed(byte[] data) throws NoSuchAlgorithmException {
        // MIXED is also a label: changed at the call only.
        System.out.println("digest " + MIXED);
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    byte[] chosen(byte[] data, boolean old) throws NoSuchAlgorithmException {
        String algorithm = old ? "SHA-256" : "SHA-512";
        return MessageDigest.getInstance(algorithm).digest(data);
    }

    byte[] defaulted(byte[] data) throws NoSuchAlgorithmException {
        String algorithm = config.getProperty("digest", "SHA-256");
        return MessageDigest.getInstance(algorithm).digest(data);
    }

    byte[] helper(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(name()).digest(data);
    }

    private static String name() {
        return "SHA-256";
    }
}
