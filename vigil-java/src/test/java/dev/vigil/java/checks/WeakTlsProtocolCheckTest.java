package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeakTlsProtocolCheckTest {

    @Test
    void judgesResolvedProtocolNames() {
        String java = """
                package t;
                import javax.net.ssl.SSLContext;
                class Contexts {
                    private static final String VERSION = "1.1";
                    void all(String chosen) throws Exception {
                        SSLContext.getInstance("TLSv" + VERSION); // BAD
                        SSLContext.getInstance("SSLv3", "SunJSSE"); // BAD
                        SSLContext.getInstance("TLSv1.2");
                        SSLContext.getInstance(chosen);
                        SSLContext.getInstance(System.getProperty("tls.protocol", "TLSv1"));
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(WeakTlsProtocolCheck.RULE, "t/Contexts.java", java));
    }
}
