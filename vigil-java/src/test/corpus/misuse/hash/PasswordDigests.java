package corpus.misuse.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Legacy password hashing used by the import of old member accounts. */
public class PasswordDigests {

    private static final String LEGACY_DIGEST = "MD5";
    private static final String CURRENT_DIGEST = "SHA-256";
    private static final String SHA = "SHA";
    private static final String FAMILY = "SHA-";

    public String md5(String salt, String password) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("MD5"); // vigil: expect java/weak-hash
        return hex(digest.digest((salt + password).getBytes(StandardCharsets.UTF_8)));
    }

    public String sha256(String salt, String password) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256"); // vigil: safe java/weak-hash
        return hex(digest.digest((salt + password).getBytes(StandardCharsets.UTF_8)));
    }

    public String sha1(String salt, String password) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-1"); // vigil: expect java/weak-hash
        return hex(digest.digest((salt + password).getBytes(StandardCharsets.UTF_8)));
    }

    public String sha512(String salt, String password) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-512"); // vigil: safe java/weak-hash
        return hex(digest.digest((salt + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** "SHA" is the JCA alias of SHA-1. */
    public byte[] shaAlias(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA").digest(data); // vigil: expect java/weak-hash
    }

    public byte[] sha3(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA3-256").digest(data); // vigil: safe java/weak-hash
    }

    public byte[] sha1NoDash(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("sha1").digest(data); // vigil: expect java/weak-hash
    }

    public byte[] md2(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("MD2").digest(data); // vigil: expect java/weak-hash
    }

    public byte[] sha384(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-384").digest(data); // vigil: safe java/weak-hash
    }

    public byte[] legacyConstant(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(LEGACY_DIGEST).digest(data); // vigil: expect java/weak-hash
    }

    public byte[] currentConstant(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(CURRENT_DIGEST).digest(data); // vigil: safe java/weak-hash
    }

    /** SHA + "-" + "1" folds to SHA-1. */
    public byte[] concatenatedSha1(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(SHA + "-" + 1).digest(data); // vigil: expect java/weak-hash
    }

    public byte[] concatenatedSha256(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(FAMILY + 256).digest(data); // vigil: safe java/weak-hash
    }

    public byte[] chosenByCaller(byte[] data, boolean legacyAccount) throws NoSuchAlgorithmException {
        String algorithm = legacyAccount ? "MD5" : "SHA-256";
        return MessageDigest.getInstance(algorithm).digest(data); // vigil: expect java/weak-hash
    }

    public byte[] chosenByCallerStrong(byte[] data, boolean largeFile) throws NoSuchAlgorithmException {
        String algorithm = largeFile ? "SHA-512" : "SHA-256";
        return MessageDigest.getInstance(algorithm).digest(data); // vigil: safe java/weak-hash
    }

    public byte[] viaHelper(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(legacyAlgorithm()).digest(data); // vigil: expect java/weak-hash
    }

    public byte[] viaStrongHelper(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(currentAlgorithm()).digest(data); // vigil: safe java/weak-hash
    }

    private static String legacyAlgorithm() {
        return "MD5";
    }

    private static String currentAlgorithm() {
        return CURRENT_DIGEST;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
