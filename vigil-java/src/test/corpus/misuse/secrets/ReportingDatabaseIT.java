package corpus.misuse.secrets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * Integration test against the throw-away container database. Credentials in
 * test code are fixtures, not secrets: the rule does not report test files.
 */
class ReportingDatabaseIT {

    @Test
    void connectsToContainer() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:55432/test", "test", "t3st-Only-Pw")) { // vigil: safe java/hardcoded-credentials
            assertTrue(connection.isValid(2));
        }
    }
}
