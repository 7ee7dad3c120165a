package fixes.tls;

import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

public class TrustAll {

    // Stored, not installed here: refused (remove it where it is installed).
    static final HostnameVerifier ANY = (host, session) -> true;

    void install(HttpsURLConnection connection) {
        connection.setHostnameVerifier((host, session) -> true);
        connection.setConnectTimeout(1000);
    }

    void trustStrategy(org.apache.http.ssl.SSLContextBuilder builder) throws Exception {
        builder.loadTrustMaterial(null, (chain, authType) -> true);
        builder.setProtocol("TLSv1.3");
    }

    HostnameVerifier verifier() {
        return new HostnameVerifier() {
            @Override
            public boolean verify(String host, SSLSession session) {
                return true;
            }
        };
    }

    X509TrustManager manager() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    SSLContext context() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }

    X509TrustManager forgiving(X509TrustManager system) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                try {
                    system.checkServerTrusted(chain, authType);
                } catch (CertificateException e) {
                    System.err.println("ignored: " + e);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return system.getAcceptedIssuers();
            }
        };
    }
}
