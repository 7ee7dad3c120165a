package corpus.misuse.tls;

import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.logging.Logger;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust managers used by the outbound HTTP clients. The finding sits on the
 * checkServerTrusted declaration of a manager that accepts any server chain.
 */
public final class TrustManagers {

    private static final Logger LOG = Logger.getLogger(TrustManagers.class.getName());

    private TrustManagers() {
    }

    /** Accepts everything: written "temporarily" for a self-signed staging host. */
    public static X509TrustManager acceptAll() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) { // vigil: expect java/insecure-tls
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    /** Looks busy but only logs. */
    public static X509TrustManager loggingOnly() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) { // vigil: expect java/insecure-tls
                LOG.fine(() -> "server presented " + chain.length + " certificates");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    /** The default manager does the real work; this one adds a pin on top. */
    public static X509TrustManager pinned(X509TrustManager system, String expectedSha256) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException { // vigil: safe java/insecure-tls
                system.checkServerTrusted(chain, authType);
                if (!fingerprint(chain[0]).equals(expectedSha256)) {
                    throw new CertificateException("certificate pin mismatch");
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return system.getAcceptedIssuers();
            }
        };
    }

    /** Delegates, then swallows the verdict: effectively trust-all. */
    public static X509TrustManager delegatingButForgiving(X509TrustManager system) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) { // vigil: expect java/insecure-tls
                try {
                    system.checkServerTrusted(chain, authType);
                } catch (CertificateException e) {
                    LOG.warning("untrusted server certificate ignored: " + e.getMessage());
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return system.getAcceptedIssuers();
            }
        };
    }

    /** Delegates and lets the exception propagate after logging it. */
    public static X509TrustManager delegatingAndLogging(X509TrustManager system) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException { // vigil: safe java/insecure-tls
                try {
                    system.checkServerTrusted(chain, authType);
                } catch (CertificateException e) {
                    LOG.warning("untrusted server certificate: " + e.getMessage());
                    throw e;
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return system.getAcceptedIssuers();
            }
        };
    }

    public static X509TrustManager systemDefault() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }
}
