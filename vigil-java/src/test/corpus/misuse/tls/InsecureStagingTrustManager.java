package corpus.misuse.tls;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** A named trust-all class; the body returns without looking at the chain. */
public class InsecureStagingTrustManager implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) { // vigil: expect java/insecure-tls
        return;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return null;
    }
}
