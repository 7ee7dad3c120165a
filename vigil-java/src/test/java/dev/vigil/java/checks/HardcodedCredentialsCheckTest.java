package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.scan.AnalysisResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardcodedCredentialsCheckTest {

    private static final String JAVA = """
            package s;
            import java.sql.DriverManager;
            import java.util.Properties;
            class Db {
                private static final String PW = "s3cr" + "et-Value";
                private final Properties config = new Properties();
                void all() throws Exception {
                    DriverManager.getConnection("jdbc:x", "u", PW); // BAD
                    DriverManager.getConnection("jdbc:x", "u", "<password>");
                    DriverManager.getConnection("jdbc:x", "u", "${DB_PASSWORD}");
                    DriverManager.getConnection("jdbc:x", "u", config.getProperty("db.password", "fallback-Pw1"));
                    DriverManager.getConnection("jdbc:x", "u", System.getenv("DB_PASSWORD"));
                    String slack = "xoxb-1234567890-abcdefghijkl"; // BAD
                }
            }
            """;

    @Test
    void reportsLiteralPasswordsButNotPlaceholdersOrConfiguration() {
        AnalysisResult r = CheckTesting.analyze("src/main/java/s/Db.java", JAVA,
                "app.properties", "db.password=from-config\n");
        assertEquals(CheckTesting.marked(JAVA, "// BAD"), CheckTesting.linesOf(HardcodedCredentialsCheck.RULE, r));
        assertFalse(r.findings().stream().anyMatch(f -> f.message().contains("s3cr")
                        || f.location().snippet().contains("xoxb-")),
                "the secret never appears in a message or snippet: " + r.findings());
    }

    @Test
    void testCodeIsNotReported() {
        assertEquals(List.of(), CheckTesting.lines(HardcodedCredentialsCheck.RULE, "src/test/java/s/Db.java", JAVA));
    }

    @Test
    void recognisesPlaceholders() {
        assertTrue(Secrets.isPlaceholder(""));
        assertTrue(Secrets.isPlaceholder("changeme"));
        assertTrue(Secrets.isPlaceholder("********"));
        assertTrue(Secrets.isPlaceholder("XXXX"));
        assertFalse(Secrets.isPlaceholder("Tr0ub4dor&3"));
    }
}
