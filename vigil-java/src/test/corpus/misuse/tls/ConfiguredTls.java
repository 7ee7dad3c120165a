package corpus.misuse.tls;

import java.io.IOException;
import java.io.InputStream;
import java.security.NoSuchAlgorithmException;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/** Protocol names from tls.properties, judged by their configured values. */
public class ConfiguredTls {

    private final Properties config = new Properties();

    public ConfiguredTls() throws IOException {
        try (InputStream in = ConfiguredTls.class.getResourceAsStream("/tls.properties")) {
            if (in != null) {
                config.load(in);
            }
        }
    }

    public SSLContext warehouse() throws NoSuchAlgorithmException {
        return SSLContext.getInstance(config.getProperty("warehouse.tls.protocol", "TLSv1.3")); // vigil: expect java/weak-tls-protocol
    }

    public SSLContext billing() throws NoSuchAlgorithmException {
        return SSLContext.getInstance(config.getProperty("billing.tls.protocol", "SSL")); // vigil: safe java/weak-tls-protocol
    }
}
