package corpus.misuse.tls;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import okhttp3.OkHttpClient;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.ssl.TrustAllStrategy;
import org.apache.http.ssl.SSLContextBuilder;
import javax.net.ssl.SSLContext;

/** Hostname verification for the HTTP clients of the integration layer. */
public class HostnameVerifiers {

    public void disableGlobally() {
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true); // vigil: expect java/insecure-tls
    }

    public void restoreDefaultGlobally() {
        HostnameVerifier platform = HttpsURLConnection.getDefaultHostnameVerifier();
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> platform.verify(hostname, session)); // vigil: safe java/insecure-tls
    }

    public HostnameVerifier anonymousAllowAll() {
        return new HostnameVerifier() {
            @Override
            public boolean verify(String hostname, SSLSession session) { // vigil: expect java/insecure-tls
                return true;
            }
        };
    }

    /** Delegates to the platform verifier and additionally restricts the host. */
    public HostnameVerifier anonymousRestricted() {
        HostnameVerifier platform = HttpsURLConnection.getDefaultHostnameVerifier();
        return new HostnameVerifier() {
            @Override
            public boolean verify(String hostname, SSLSession session) { // vigil: safe java/insecure-tls
                return hostname.endsWith(".payments.example.com") && platform.verify(hostname, session);
            }
        };
    }

    public OkHttpClient okHttpAllowAll() {
        return new OkHttpClient.Builder()
                .hostnameVerifier((host, session) -> true) // vigil: expect java/insecure-tls
                .build();
    }

    public OkHttpClient okHttpDefault() {
        return new OkHttpClient.Builder()
                .hostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier()) // vigil: safe java/insecure-tls
                .build();
    }

    public SSLConnectionSocketFactory apacheNoop(SSLContext context) {
        return new SSLConnectionSocketFactory(context, NoopHostnameVerifier.INSTANCE); // vigil: expect java/insecure-tls
    }

    @SuppressWarnings("deprecation")
    public SSLConnectionSocketFactory apacheAllowAllConstant(SSLContext context) {
        return new SSLConnectionSocketFactory(context, SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER); // vigil: expect java/insecure-tls
    }

    public SSLConnectionSocketFactory apacheDefault(SSLContext context) {
        return new SSLConnectionSocketFactory(context, new DefaultHostnameVerifier()); // vigil: safe java/insecure-tls
    }

    public SSLContext apacheTrustAll() throws Exception {
        return new SSLContextBuilder().loadTrustMaterial(null, TrustAllStrategy.INSTANCE).build(); // vigil: expect java/insecure-tls
    }

    public SSLContext apacheTrustAllLambda() throws Exception {
        return new SSLContextBuilder().loadTrustMaterial(null, (chain, authType) -> true).build(); // vigil: expect java/insecure-tls
    }

    public SSLContext apacheTrustStore(java.security.KeyStore trustStore) throws Exception {
        return new SSLContextBuilder().loadTrustMaterial(trustStore, null).build(); // vigil: safe java/insecure-tls
    }

    /** A named class whose verify is a real comparison is not allow-all. */
    static final class InternalOnlyVerifier implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) { // vigil: safe java/insecure-tls
            return "internal.example.com".equals(hostname) && "internal.example.com".equals(session.getPeerHost());
        }
    }
}
