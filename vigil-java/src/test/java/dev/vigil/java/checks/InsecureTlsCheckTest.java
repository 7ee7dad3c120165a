package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InsecureTlsCheckTest {

    @Test
    void reportsTrustAllManagersAndAllowAllVerifiers() {
        String java = """
                package t;
                import java.security.cert.CertificateException;
                import java.security.cert.X509Certificate;
                import javax.net.ssl.HttpsURLConnection;
                import javax.net.ssl.X509TrustManager;
                class Tls {
                    static class Lenient implements X509TrustManager {
                        public void checkClientTrusted(X509Certificate[] c, String a) { }
                        @Override
                        public void checkServerTrusted(X509Certificate[] c, String a) { // BAD
                            System.out.println("accepting " + c.length);
                        }
                        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                    }
                    static class Expiry implements X509TrustManager {
                        public void checkClientTrusted(X509Certificate[] c, String a) { }
                        public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
                            c[0].checkValidity();
                        }
                        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                    }
                    static class Swallowing implements X509TrustManager {
                        private final X509TrustManager delegate = null;
                        public void checkClientTrusted(X509Certificate[] c, String a) { }
                        public void checkServerTrusted(X509Certificate[] c, String a) { // BAD
                            try {
                                delegate.checkServerTrusted(c, a);
                            } catch (Exception e) {
                                // ignored
                            }
                        }
                        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                    }
                    void verifiers() {
                        HttpsURLConnection.setDefaultHostnameVerifier((h, s) -> { return true; }); // BAD
                        HttpsURLConnection.setDefaultHostnameVerifier((h, s) -> h.equals("internal"));
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"), CheckTesting.lines(InsecureTlsCheck.RULE, "t/Tls.java", java));
    }
}
