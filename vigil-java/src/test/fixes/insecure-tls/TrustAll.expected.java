package fixes.tls;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

public class TrustAll {

    // Stored, not installed here: refused (remove it where it is installed).
    static final HostnameVerifier ANY = (host, session) -> true;

    void install(HttpsURLConnection connection) {
        connection.setConnectTimeout(1000);
    }

    void trustStrategy(org.apache.http.ssl.SSLContextBuilder builder) throws Exception {
        builder.setProtocol("TLSv1.3");
    }

    HostnameVerifier verifier() {
        return new HostnameVerifier() {
            private final HostnameVerifier defaultVerifier = HttpsURLConnection.getDefaultHostnameVerifier();

            @Override
            public boolean verify(String host, SSLSession session) {
                return defaultVerifier.verify(host, session);
            }
        };
    }

    X509TrustManager manager() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    factory.init((KeyStore) null);
                    ((X509TrustManager) factory.getTrustManagers()[0]).checkServerTrusted(chain, authType);
                } catch (NoSuchAlgorithmException | KeyStoreException e) {
                    throw new CertificateException("the platform trust store is unavailable", e);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    SSLContext context() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, new SecureRandom());
        return context;
    }

    X509TrustManager forgiving(X509TrustManager system) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    system.checkServerTrusted(chain, authType);
                } catch (CertificateException e) {
                    System.err.println("ignored: " + e);
                    throw e;
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return system.getAcceptedIssuers();
            }
        };
    }
}
