package corpus.misuse.secrets;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.PasswordAuthentication;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to the reporting database and the partner proxy. Literal passwords
 * are findings; values read from the environment or configuration are not, and
 * neither are empty strings or obvious placeholders.
 */
public class ReportingDatabase {

    private static final String URL = "jdbc:postgresql://db.internal:5432/reporting";
    private static final String USER = "reporting_ro";
    private static final String PASSWORD = "Rep0rt!ng-2024";
    private static final String NO_PASSWORD = "";

    private final Properties config = new Properties();

    public ReportingDatabase() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/database.properties")) {
            if (in != null) {
                config.load(in);
            }
        }
    }

    public Connection literalPassword() throws SQLException {
        return DriverManager.getConnection(URL, "reporting_ro", "Rep0rt!ng-2024"); // vigil: expect java/hardcoded-credentials
    }

    public Connection constantPassword() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD); // vigil: expect java/hardcoded-credentials
    }

    public Connection environmentPassword() throws SQLException {
        return DriverManager.getConnection(URL, USER, System.getenv("REPORTING_DB_PASSWORD")); // vigil: safe java/hardcoded-credentials
    }

    public Connection configuredPassword() throws SQLException {
        return DriverManager.getConnection(config.getProperty("reporting.db.url"), config.getProperty("reporting.db.user"), config.getProperty("reporting.db.password")); // vigil: safe java/hardcoded-credentials
    }

    /** Embedded H2 for the demo profile: the empty password is the point. */
    public Connection emptyPassword() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:demo", "sa", ""); // vigil: safe java/hardcoded-credentials
    }

    public Connection emptyPasswordConstant() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:demo", "sa", NO_PASSWORD); // vigil: safe java/hardcoded-credentials
    }

    /** Placeholder that the deployment script replaces; not a secret. */
    public Connection placeholderPassword() throws SQLException {
        return DriverManager.getConnection(URL, USER, "changeme"); // vigil: safe java/hardcoded-credentials
    }

    public Connection passwordInProperties() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", "Rep0rt!ng-2024");
        return DriverManager.getConnection(URL, props); // vigil: expect java/hardcoded-credentials
    }

    public Connection passwordInPropertiesFromEnv() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", System.getenv("REPORTING_DB_PASSWORD"));
        return DriverManager.getConnection(URL, props); // vigil: safe java/hardcoded-credentials
    }

    /** The literal stays a literal when it is built from pieces. */
    public Connection concatenatedPassword() throws SQLException {
        String password = "Rep0rt" + "!ng-" + 2024;
        return DriverManager.getConnection(URL, USER, password); // vigil: expect java/hardcoded-credentials
    }

    public HikariConfig pool() {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(URL);
        hikari.setUsername(USER);
        hikari.setPassword("Rep0rt!ng-2024"); // vigil: expect java/hardcoded-credentials
        return hikari;
    }

    public HikariConfig poolFromEnvironment() {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(URL);
        hikari.setUsername(USER);
        hikari.setPassword(System.getenv("REPORTING_DB_PASSWORD")); // vigil: safe java/hardcoded-credentials
        return hikari;
    }

    public PasswordAuthentication proxyCredentials() {
        return new PasswordAuthentication("svc-proxy", "pr0xy-Passw0rd".toCharArray()); // vigil: expect java/hardcoded-credentials
    }

    public PasswordAuthentication proxyCredentialsFromEnv() {
        return new PasswordAuthentication("svc-proxy", System.getenv("PROXY_PASSWORD").toCharArray()); // vigil: safe java/hardcoded-credentials
    }

    public KeyStore clientKeyStore(InputStream p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(p12, "k3ystore-Secret".toCharArray()); // vigil: expect java/hardcoded-credentials
        return store;
    }

    public KeyStore clientKeyStoreFromConfig(InputStream p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(p12, config.getProperty("client.keystore.password", "").toCharArray()); // vigil: safe java/hardcoded-credentials
        return store;
    }
}
