package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WeakCipherCheckTest {

    @Test
    void judgesTransformationsByName() {
        assertNotNull(WeakCipherCheck.transformationProblem("DES"));
        assertNotNull(WeakCipherCheck.transformationProblem("desede/cbc/pkcs5padding"));
        assertNotNull(WeakCipherCheck.transformationProblem("AES"));
        assertNotNull(WeakCipherCheck.transformationProblem("AES/ECB/NoPadding"));
        assertNotNull(WeakCipherCheck.transformationProblem("RSA/ECB/NoPadding"));
        assertNotNull(WeakCipherCheck.transformationProblem("PBEWithMD5AndDES"));
        assertNull(WeakCipherCheck.transformationProblem("AES/GCM/NoPadding"));
        assertNull(WeakCipherCheck.transformationProblem("RSA/ECB/OAEPWithSHA-256AndMGF1Padding"));
        assertNull(WeakCipherCheck.transformationProblem("RSA"));
        assertNull(WeakCipherCheck.transformationProblem("ChaCha20-Poly1305"));
    }

    @Test
    void resolvesNamesThroughConfigurationAndReportsFixedIvs() {
        String java = """
                package c;
                import java.security.SecureRandom;
                import java.util.Properties;
                import javax.crypto.Cipher;
                import javax.crypto.KeyGenerator;
                import javax.crypto.spec.IvParameterSpec;
                class Crypto {
                    private final Properties settings = new Properties();
                    private static final byte[] IV = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
                    Cipher configured() throws Exception {
                        return Cipher.getInstance(settings.getProperty("cipher", "AES/GCM/NoPadding")); // BAD
                    }
                    Cipher configuredStrong() throws Exception {
                        return Cipher.getInstance(settings.getProperty("strong.cipher", "DES"));
                    }
                    Cipher unknown(String name) throws Exception {
                        return Cipher.getInstance(name);
                    }
                    KeyGenerator keys() throws Exception {
                        return KeyGenerator.getInstance("Blowfish"); // BAD
                    }
                    void ivs(Cipher c, javax.crypto.SecretKey k, SecureRandom r) throws Exception {
                        c.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(IV)); // BAD
                        byte[] zero = new byte[16];
                        c.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(zero)); // BAD
                        byte[] fresh = new byte[16];
                        r.nextBytes(fresh);
                        c.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(fresh));
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"), CheckTesting.lines(WeakCipherCheck.RULE, "c/Crypto.java", java,
                "conf/crypto.properties", "cipher=DESede/CBC/PKCS5Padding\nstrong.cipher=AES/GCM/NoPadding\n"));
    }
}
