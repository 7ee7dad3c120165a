package dev.vigil.core.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expected-results CSV format public SAST benchmarks use:
 *
 * <pre>
 * # test name, category, real vulnerability, cwe
 * TestCase00001,sqli,true,89
 * </pre>
 *
 * Lines starting with '#' and blank lines are skipped; columns after the fourth are ignored (some
 * suites append a version or a source). The cwe column may be omitted for the well-known category
 * names of {@link KnownCategories}; any other category without a CWE is an unknown category. Every bad row is reported, not only the first, each with its
 * line number, so one run of the command tells the user everything to fix.
 */
public final class ExpectedResultsCsv {

    /** Stop collecting after this many problems: a file in the wrong format would otherwise print thousands. */
    private static final int MAX_PROBLEMS = 20;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.$-]+");
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern CWE = Pattern.compile("(?i)(?:cwe[-_: ]?)?(\\d{1,5})");

    private ExpectedResultsCsv() {
    }

    public static ExpectedResults read(Path file) throws BenchInputException {
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder())) {
            return parse(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new BenchInputException(file + ": expected-results file not found");
        } catch (CharacterCodingException e) {
            throw new BenchInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BenchInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static ExpectedResults parse(String source, Reader in) throws IOException, BenchInputException {
        BufferedReader reader = new BufferedReader(in);
        List<String> problems = new ArrayList<>();
        List<TestCase> cases = new ArrayList<>();
        Map<String, TestCase> byName = new HashMap<>();
        Map<String, TestCase> firstOfCategory = new HashMap<>();
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null && problems.size() < MAX_PROBLEMS) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String where = source + ":" + lineNumber + ": ";
            String[] cols = trimmed.split(",", -1);
            if (cols.length < 3) {
                problems.add(where + "expected 4 columns (test name, category, real vulnerability, cwe), found "
                        + cols.length + ": " + abbreviate(trimmed));
                continue;
            }
            String name = cols[0].strip();
            String category = cols[1].strip();
            String real = cols[2].strip().toLowerCase(Locale.ROOT);
            String cweText = cols.length > 3 ? cols[3].strip() : "";
            if (!NAME.matcher(name).matches()) {
                problems.add(where + "invalid test name '" + abbreviate(name) + "'");
                continue;
            }
            if (!CATEGORY.matcher(category).matches()) {
                problems.add(where + "unknown category '" + abbreviate(category)
                        + "': a category is a word of letters, digits, '-' or '_'");
                continue;
            }
            if (!real.equals("true") && !real.equals("false")) {
                problems.add(where + "real vulnerability must be true or false, found '" + abbreviate(cols[2].strip()) + "'");
                continue;
            }
            if (cweText.isEmpty()) {
                // the cwe column may be left out (or empty) only for a category whose CWE is well known
                Optional<Integer> known = KnownCategories.cwe(category);
                if (known.isEmpty()) {
                    problems.add(where + "unknown category '" + category + "': give its CWE in the fourth column");
                    continue;
                }
                cweText = known.get().toString();
            }
            Matcher m = CWE.matcher(cweText);
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
                problems.add(where + "cwe must be a CWE number such as 89, found '" + abbreviate(cweText) + "'");
                continue;
            }
            int cwe = Integer.parseInt(m.group(1));
            TestCase tc = new TestCase(name, category, real.equals("true"), cwe, lineNumber);
            TestCase previous = byName.putIfAbsent(name, tc);
            if (previous != null) {
                problems.add(where + "duplicate test case " + name + " (first on line " + previous.line() + ")");
                continue;
            }
            TestCase first = firstOfCategory.putIfAbsent(category, tc);
            if (first != null && first.cwe() != cwe) {
                // A category is scored against one CWE; two CWEs mean a typo or a merged file.
                problems.add(where + "category " + category + " has cwe " + cwe + " but line " + first.line()
                        + " gives it cwe " + first.cwe());
                continue;
            }
            cases.add(tc);
        }
        if (problems.size() >= MAX_PROBLEMS) {
            problems.add(source + ": stopped after " + MAX_PROBLEMS + " problems");
        }
        if (problems.isEmpty() && cases.isEmpty()) {
            problems.add(source + ": no test cases (expected rows like 'TestCase00001,sqli,true,89')");
        }
        if (!problems.isEmpty()) {
            throw new BenchInputException(problems);
        }
        return new ExpectedResults(source, cases);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
