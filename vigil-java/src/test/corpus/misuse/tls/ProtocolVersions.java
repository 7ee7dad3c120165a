package corpus.misuse.tls;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;

/** SSLContext creation for the different outbound integrations. */
public class ProtocolVersions {

    private static final String LEGACY_PROTOCOL = "TLSv1.1";
    private static final String MODERN_PROTOCOL = "TLSv1.3";
    private static final String TLS = "TLS";

    private final boolean talkToMainframe;

    public ProtocolVersions(boolean talkToMainframe) {
        this.talkToMainframe = talkToMainframe;
    }

    public SSLContext ssl() throws NoSuchAlgorithmException {
        return SSLContext.getInstance("SSL"); // vigil: expect java/weak-tls-protocol
    }

    public SSLContext tls() throws NoSuchAlgorithmException {
        return SSLContext.getInstance("TLS"); // vigil: safe java/weak-tls-protocol
    }

    public SSLContext sslv3() throws NoSuchAlgorithmException {
        return SSLContext.getInstance("SSLv3"); // vigil: expect java/weak-tls-protocol
    }

    public SSLContext tls13() throws NoSuchAlgorithmException {
        return SSLContext.getInstance("TLSv1.3"); // vigil: safe java/weak-tls-protocol
    }

    public SSLContext tls10() throws NoSuchAlgorithmException {
        return SSLContext.getInstance("TLSv1"); // vigil: expect java/weak-tls-protocol
    }

    public SSLContext tls12() throws NoSuchAlgorithmException {
        return SSLContext.getInstance("TLSv1.2"); // vigil: safe java/weak-tls-protocol
    }

    public SSLContext legacyConstant() throws NoSuchAlgorithmException {
        return SSLContext.getInstance(LEGACY_PROTOCOL); // vigil: expect java/weak-tls-protocol
    }

    public SSLContext modernConstant() throws NoSuchAlgorithmException {
        return SSLContext.getInstance(MODERN_PROTOCOL); // vigil: safe java/weak-tls-protocol
    }

    public SSLContext concatenated() throws NoSuchAlgorithmException {
        return SSLContext.getInstance(TLS + "v1"); // vigil: expect java/weak-tls-protocol
    }

    public SSLContext concatenatedModern() throws NoSuchAlgorithmException {
        return SSLContext.getInstance(TLS + "v1.2"); // vigil: safe java/weak-tls-protocol
    }

    public SSLContext ternary() throws NoSuchAlgorithmException {
        return SSLContext.getInstance(talkToMainframe ? "SSLv3" : "TLSv1.3"); // vigil: expect java/weak-tls-protocol
    }

    public SSLContext ternaryModern() throws NoSuchAlgorithmException {
        return SSLContext.getInstance(talkToMainframe ? "TLSv1.2" : "TLSv1.3"); // vigil: safe java/weak-tls-protocol
    }

    public SSLContext platformDefault() throws NoSuchAlgorithmException {
        return SSLContext.getInstance("Default"); // vigil: safe java/weak-tls-protocol
    }

    public SSLContext lowercaseSsl() throws NoSuchAlgorithmException {
        return SSLContext.getInstance("ssl"); // vigil: expect java/weak-tls-protocol
    }
}
