package corpus.misuse.hash;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.DigestUtils;

/** Digests computed through Commons Codec and Guava helpers. */
public class LibraryDigests {

    public String apiKeyFingerprintMd5(String apiKey) {
        return DigestUtils.md5Hex(apiKey); // vigil: expect java/weak-hash
    }

    public String apiKeyFingerprintSha256(String apiKey) {
        return DigestUtils.sha256Hex(apiKey); // vigil: safe java/weak-hash
    }

    public String resetTokenHashSha1(String token) {
        return DigestUtils.sha1Hex(token); // vigil: expect java/weak-hash
    }

    public String resetTokenHashSha512(String token) {
        return DigestUtils.sha512Hex(token); // vigil: safe java/weak-hash
    }

    /** DigestUtils.sha(...) is the deprecated SHA-1 entry point. */
    @SuppressWarnings("deprecation")
    public byte[] legacySha(byte[] data) {
        return DigestUtils.sha(data); // vigil: expect java/weak-hash
    }

    public MessageDigest md5Digest() {
        return DigestUtils.getMd5Digest(); // vigil: expect java/weak-hash
    }

    public MessageDigest sha256Digest() {
        return DigestUtils.getSha256Digest(); // vigil: safe java/weak-hash
    }

    public MessageDigest namedDigest() {
        return DigestUtils.getDigest("SHA-1"); // vigil: expect java/weak-hash
    }

    public MessageDigest namedStrongDigest() {
        return DigestUtils.getDigest("SHA-256"); // vigil: safe java/weak-hash
    }

    public HashCode guavaMd5(String password) {
        return Hashing.md5().hashString(password, StandardCharsets.UTF_8); // vigil: expect java/weak-hash
    }

    public HashCode guavaSha1(String password) {
        return Hashing.sha1().hashString(password, StandardCharsets.UTF_8); // vigil: expect java/weak-hash
    }

    public HashCode guavaSha256(String password) {
        return Hashing.sha256().hashString(password, StandardCharsets.UTF_8); // vigil: safe java/weak-hash
    }

    /** Murmur is not a cryptographic hash and is not claimed to be one. */
    public int shardFor(String customerId, int shards) {
        return Hashing.consistentHash(Hashing.murmur3_128().hashString(customerId, StandardCharsets.UTF_8), shards); // vigil: safe java/weak-hash
    }

    /** HMAC-SHA1 does not depend on SHA-1 collision resistance. */
    public byte[] webhookSignature(byte[] secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1"); // vigil: safe java/weak-hash
        mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        return mac.doFinal(body);
    }

    /** Policy: weak algorithms are reported whatever the purpose, ETags included. */
    public String etag(byte[] body) {
        return "\"" + DigestUtils.md5Hex(body) + "\""; // vigil: expect java/weak-hash
    }

    public String etagSha256(byte[] body) {
        return "\"" + DigestUtils.sha256Hex(body) + "\""; // vigil: safe java/weak-hash
    }
}
