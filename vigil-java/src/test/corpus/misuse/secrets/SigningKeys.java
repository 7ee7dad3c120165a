package corpus.misuse.secrets;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Keys for the session cipher and the JWTs handed to the mobile app. */
public class SigningKeys {

    private static final byte[] SESSION_KEY = {
        0x2b, 0x7e, 0x15, 0x16, 0x28, (byte) 0xae, (byte) 0xd2, (byte) 0xa6,
        (byte) 0xab, (byte) 0xf7, 0x15, (byte) 0x88, 0x09, (byte) 0xcf, 0x4f, 0x3c};
    private static final String JWT_SECRET = "q8Zt!v3Lx0#mPw7Rn2Ks5Hy9Bd4Fg6Jc";

    public SecretKey sessionKeyFromLiteralString() {
        return new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8), "AES"); // vigil: expect java/hardcoded-key
    }

    public SecretKey sessionKeyFromConstantArray() {
        return new SecretKeySpec(SESSION_KEY, "AES"); // vigil: expect java/hardcoded-key
    }

    public SecretKey sessionKeyAllZero() {
        return new SecretKeySpec(new byte[16], "AES"); // vigil: expect java/hardcoded-key
    }

    public SecretKey sessionKeyFromEnvironment() {
        byte[] material = Base64.getDecoder().decode(System.getenv("SESSION_KEY_B64"));
        return new SecretKeySpec(material, "AES"); // vigil: safe java/hardcoded-key
    }

    public SecretKey sessionKeyGenerated() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        return new SecretKeySpec(key.getEncoded(), "AES"); // vigil: safe java/hardcoded-key
    }

    public SecretKey sessionKeyFromKeyStore(KeyStore store, char[] password) throws Exception {
        byte[] material = store.getKey("session", password).getEncoded();
        return new SecretKeySpec(material, "AES"); // vigil: safe java/hardcoded-key
    }

    @SuppressWarnings("deprecation")
    public String jjwtLiteralSecret(String subject) {
        return Jwts.builder().setSubject(subject).signWith(SignatureAlgorithm.HS256, "mobile-app-signing-secret").compact(); // vigil: expect java/hardcoded-key
    }

    public String jjwtKeyFromConstant(String subject) {
        return Jwts.builder().subject(subject).signWith(Keys.hmacShaKeyFor(JWT_SECRET.getBytes(StandardCharsets.UTF_8))).compact(); // vigil: expect java/hardcoded-key
    }

    public String jjwtKeyFromEnvironment(String subject) {
        return Jwts.builder().subject(subject).signWith(Keys.hmacShaKeyFor(Decoders.BASE64.decode(System.getenv("JWT_SECRET_B64")))).compact(); // vigil: safe java/hardcoded-key
    }

    public String auth0LiteralSecret(String subject) {
        return JWT.create().withSubject(subject).sign(Algorithm.HMAC256("mobile-app-signing-secret")); // vigil: expect java/hardcoded-key
    }

    public String auth0SecretFromEnvironment(String subject) {
        return JWT.create().withSubject(subject).sign(Algorithm.HMAC256(System.getenv("JWT_SECRET"))); // vigil: safe java/hardcoded-key
    }

    public String auth0SecretFromConstant(String subject) {
        Algorithm algorithm = Algorithm.HMAC512(JWT_SECRET); // vigil: expect java/hardcoded-key
        return JWT.create().withSubject(subject).sign(algorithm);
    }

    /** Empty key material is a configuration error caught at startup, not a leaked secret. */
    public String auth0EmptySecretGuarded(String subject, String configured) {
        String secret = configured == null ? "" : configured;
        if (secret.isEmpty()) {
            throw new IllegalStateException("jwt.secret is not configured");
        }
        return JWT.create().withSubject(subject).sign(Algorithm.HMAC256(secret)); // vigil: safe java/hardcoded-key
    }

    public SecretKey hmacKeyFromConfigArgument(byte[] configuredKey) {
        return new SecretKeySpec(configuredKey, "HmacSHA256"); // vigil: safe java/hardcoded-key
    }
}
