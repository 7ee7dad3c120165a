package corpus.misuse.cipher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.Properties;
import javax.crypto.Cipher;

/**
 * Reads cipher names from crypto.properties on the classpath. The check judges a
 * name read from configuration by the value configured in the project's files.
 */
public class ConfiguredCiphers {

    private final Properties settings = load();

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ConfiguredCiphers.class.getResourceAsStream("/crypto.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Configured as DES/CBC/PKCS5Padding; the strong default never applies. */
    public Cipher archiveCipher() throws GeneralSecurityException {
        return Cipher.getInstance(settings.getProperty("archive.cipher.algorithm", "AES/GCM/NoPadding")); // vigil: expect java/weak-cipher
    }

    public Cipher vaultCipher() throws GeneralSecurityException {
        String algorithm = settings.getProperty("vault.cipher.algorithm", "DES");
        return Cipher.getInstance(algorithm); // vigil: safe java/weak-cipher
    }

    /** No such key in any properties file, so the default value is what runs. */
    public Cipher exportCipherWithWeakDefault() throws GeneralSecurityException {
        String algorithm = settings.getProperty("export.cipher.algorithm", "DESede/ECB/PKCS5Padding");
        return Cipher.getInstance(algorithm); // vigil: expect java/weak-cipher
    }

    public Cipher exportCipherWithStrongDefault() throws GeneralSecurityException {
        String algorithm = settings.getProperty("export.cipher.algorithm", "AES/GCM/NoPadding");
        return Cipher.getInstance(algorithm); // vigil: safe java/weak-cipher
    }
}
