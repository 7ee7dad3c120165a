package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeakHashCheckTest {

    @Test
    void reportsWeakDigestsWhateverTheirSource() {
        String java = """
                package h;
                import com.google.common.hash.Hashing;
                import java.security.MessageDigest;
                import java.util.Properties;
                import org.apache.commons.codec.digest.DigestUtils;
                class Digests {
                    private static final String FAMILY = "SHA";
                    private final Properties config = new Properties();
                    void all(byte[] data, String chosen) throws Exception {
                        MessageDigest.getInstance(FAMILY + "-1"); // BAD
                        MessageDigest.getInstance(FAMILY + "-256");
                        MessageDigest.getInstance(config.getProperty("digest", "SHA-256")); // BAD
                        MessageDigest.getInstance(config.getProperty("other.digest", "MD5"));
                        MessageDigest.getInstance(chosen);
                        DigestUtils.md5Hex(data); // BAD
                        DigestUtils.sha256Hex(data);
                        Hashing.sha1(); // BAD
                        Hashing.murmur3_32_fixed();
                        javax.crypto.Mac.getInstance("HmacMD5");
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"), CheckTesting.lines(WeakHashCheck.RULE, "h/Digests.java", java,
                "app.properties", "digest=MD5\nother.digest=SHA-512\n"));
    }
}
