package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedResultsCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsRowsSkippingHeaderCommentsBlankLinesAndExtraColumns() throws Exception {
        Path csv = dir.resolve("expected.csv");
        Files.writeString(csv, "\uFEFF# test name, category, real vulnerability, cwe, Suite version: 0.1\r\n"
                + "OrderLookup01,sqli,true,89\r\n"
                + "\r\n"
                + "# a comment in the middle\n"
                + " OrderLookup02 , sqli , FALSE , CWE-89 , extra\n"
                + "ReportFile01,pathtraver,True,22\n", StandardCharsets.UTF_8);

        ExpectedResults expected = ExpectedResultsCsv.read(csv);

        assertEquals(List.of(
                new TestCase("OrderLookup01", "sqli", true, 89, 2),
                new TestCase("OrderLookup02", "sqli", false, 89, 5),
                new TestCase("ReportFile01", "pathtraver", true, 22, 6)), expected.testCases());
        assertEquals(Map.of("pathtraver", 22, "sqli", 89), expected.categories());
        assertEquals(List.of("pathtraver", "sqli"), List.copyOf(expected.categories().keySet()));
    }

    @Test
    void reportsEveryBadRowWithItsLineNumber() {
        String csv = """
                # test name, category, real vulnerability, cwe
                Good01,sqli,true,89
                TooShort01,sqli
                BadBool01,sqli,yes,89
                BadCwe01,sqli,true,sql
                ZeroCwe01,sqli,true,0
                ,sqli,true,89
                Spaces01,sql injection,true,89
                Good01,sqli,false,89
                Conflict01,sqli,true,564
                """;
        BenchInputException e = assertThrows(BenchInputException.class, () -> parse(csv));

        List<String> p = e.problems();
        assertEquals(8, p.size(), String.join("\n", p));
        assertEquals("exp.csv:3: expected 4 columns (test name, category, real vulnerability, cwe), found 2: TooShort01,sqli", p.get(0));
        assertEquals("exp.csv:4: real vulnerability must be true or false, found 'yes'", p.get(1));
        assertEquals("exp.csv:5: cwe must be a CWE number such as 89, found 'sql'", p.get(2));
        assertEquals("exp.csv:6: cwe must be a CWE number such as 89, found '0'", p.get(3));
        assertEquals("exp.csv:7: invalid test name ''", p.get(4));
        assertTrue(p.get(5).startsWith("exp.csv:8: unknown category 'sql injection'"), p.get(5));
        assertEquals("exp.csv:9: duplicate test case Good01 (first on line 2)", p.get(6));
        assertEquals("exp.csv:10: category sqli has cwe 564 but line 2 gives it cwe 89", p.get(7));
    }

    @Test
    void cweColumnMayBeLeftOutOnlyForWellKnownCategories() throws Exception {
        ExpectedResults expected = parse("""
                Query01,sqli,true
                Page01,xss,false,
                """);
        assertEquals(List.of(new TestCase("Query01", "sqli", true, 89, 1), new TestCase("Page01", "xss", false, 79, 2)),
                expected.testCases());

        BenchInputException e = assertThrows(BenchInputException.class, () -> parse("Query01,sqli,true\nMail01,mailinj,true\n"));
        assertEquals(List.of("exp.csv:2: unknown category 'mailinj': give its CWE in the fourth column"), e.problems());
    }

    @Test
    void emptyFileIsAnError() {
        BenchInputException e = assertThrows(BenchInputException.class, () -> parse("# test name, category, real vulnerability, cwe\n"));
        assertTrue(e.getMessage().startsWith("exp.csv: no test cases"), e.getMessage());
    }

    @Test
    void stopsAfterTwentyProblems() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            csv.append("Bad").append(i).append(",sqli,maybe,89\n");
        }
        BenchInputException e = assertThrows(BenchInputException.class, () -> parse(csv.toString()));
        assertEquals(21, e.problems().size());
        assertEquals("exp.csv: stopped after 20 problems", e.problems().get(20));
    }

    @Test
    void missingAndNonUtf8FilesAreClearErrors() throws IOException {
        BenchInputException missing = assertThrows(BenchInputException.class, () -> ExpectedResultsCsv.read(dir.resolve("nope.csv")));
        assertTrue(missing.getMessage().endsWith("nope.csv: expected-results file not found"), missing.getMessage());

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "Caf\u00e901,sqli,true,89\n".getBytes(StandardCharsets.ISO_8859_1));
        BenchInputException bad = assertThrows(BenchInputException.class, () -> ExpectedResultsCsv.read(latin1));
        assertTrue(bad.getMessage().endsWith("latin1.csv: not UTF-8 text"), bad.getMessage());
    }

    @Test
    void lookupPrefersExactNameAndFallsBackToUnambiguousCaseInsensitiveMatch() throws Exception {
        ExpectedResults expected = parse("""
                Alpha01,sqli,true,89
                alpha01,sqli,false,89
                Beta01,sqli,true,89
                """);
        assertEquals(2, expected.byFileBaseName("alpha01").orElseThrow().line());
        assertEquals(1, expected.byFileBaseName("Alpha01").orElseThrow().line());
        assertFalse(expected.byFileBaseName("ALPHA01").isPresent(), "two candidates differ only in case: ambiguous");
        assertEquals("Beta01", expected.byFileBaseName("BETA01").orElseThrow().name());
        assertFalse(expected.byFileBaseName("Gamma01").isPresent());
    }

    private static ExpectedResults parse(String csv) throws IOException, BenchInputException {
        return ExpectedResultsCsv.parse("exp.csv", new StringReader(csv));
    }
}
