package dev.vigil.core.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The synthetic benchmark under src/test/resources: ten test cases and two tools' SARIF of different shapes. */
final class BenchFixtures {

    private BenchFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(BenchFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ExpectedResults expected() throws BenchInputException {
        return ExpectedResultsCsv.read(resource("expected.csv"));
    }

    static ToolResults codeql() throws BenchInputException {
        return SarifResults.read(resource("codeql-shape.sarif"));
    }

    static ToolResults semgrep() throws BenchInputException {
        return SarifResults.read(resource("semgrep-shape.sarif"));
    }
}
