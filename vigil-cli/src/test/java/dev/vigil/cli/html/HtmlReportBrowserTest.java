package dev.vigil.cli.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.core.scan.ScanResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens real reports in headless Chromium and uses them as a person would: filters, searches, sorts,
 * expands a finding and reads its flow. Needs Debian's {@code chromium} and {@code chromium-driver}; without
 * them the test is skipped, unless {@code -Dvigil.requireBrowser=true} or the CI=true environment (as CI runs it)
 * makes that a failure.
 * Screenshots and the rendered reports are kept under {@code target/html-report/}.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("vigil.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver"));
    private static final Path ARTIFACTS = Path.of("target", "html-report");

    private static ChromeDriver browser;
    private static Path profile;

    @TempDir
    Path root;

    private static String missingBrowser;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            missingBrowser = "headless browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            System.err.println("HtmlReportBrowserTest: " + missingBrowser);
            return;
        }
        Files.createDirectories(ARTIFACTS);
        profile = Files.createTempDirectory("vigil-chromium-");
        ChromeOptions options = new ChromeOptions();
        // Both paths are explicit so Selenium Manager has nothing to look up or download.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1360,1000", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Each test reports the skip (or, under -Dvigil.requireBrowser, the failure) with its reason. */
    @BeforeEach
    void requireBrowserAndLightMode() {
        if (missingBrowser != null) {
            if (Boolean.getBoolean("vigil.requireBrowser") || "true".equals(System.getenv("CI"))) {
                fail(missingBrowser + "; a browser is required here (-Dvigil.requireBrowser or CI=true), so this is a failure");
            }
            Assumptions.abort(missingBrowser + "; skipped because -Dvigil.requireBrowser is not set");
        }
        colorScheme("light");
    }

    @Test
    void findingsFiltersSearchAndFlowWork() throws Exception {
        ReportFixtures.writeProject(root);
        open(ReportFixtures.sample(), "sample-report.html");

        assertEquals(3, rows().size(), "suppressed finding hidden by default");
        assertEquals("Showing 1\u20133 of 3 findings", text("#list-head"));
        assertEquals("3", text(".severity-card .big"));

        // severity chip narrows the list, a second click widens it again
        click(".chip[data-sev='high']");
        assertEquals(List.of("java/sql-injection"), ruleIds());
        click(".chip[data-sev='high']");
        assertEquals(3, rows().size());

        select("#filter-verdict", "false-positive");
        assertEquals(List.of("java/weak-hash"), ruleIds());
        select("#filter-verdict", "");
        select("#filter-cwe", "22");
        assertEquals(List.of("java/path-traversal"), ruleIds());
        select("#filter-cwe", "");
        type("#filter-file", "acme/gone/");
        waitFor(() -> rows().size() == 1);
        assertEquals(List.of("java/path-traversal"), ruleIds());
        type("#filter-file", "");
        waitFor(() -> rows().size() == 3);

        click("#show-suppressed");
        assertEquals(4, rows().size());
        click("#show-suppressed");

        // search matches messages and the code of flow steps
        type(".search", "md5");
        waitFor(() -> ruleIds().equals(List.of("java/weak-hash")));
        type(".search", "select * from users"); // only in the code of the sink line
        waitFor(() -> ruleIds().equals(List.of("java/sql-injection")));
        type(".search", "no such thing anywhere");
        waitFor(() -> rows().isEmpty());
        assertEquals("No findings match", text("#list-head"));
        type(".search", "argument of userdao"); // a step's description
        waitFor(() -> ruleIds().equals(List.of("java/sql-injection")));
        type(".search", "");
        waitFor(() -> rows().size() == 3);

        // sorting
        assertEquals(List.of("java/sql-injection", "java/path-traversal", "java/weak-hash"), ruleIds());
        select("#sort", "rule");
        assertEquals(List.of("java/path-traversal", "java/sql-injection", "java/weak-hash"), ruleIds());
        click("#sort-dir");
        assertEquals(List.of("java/weak-hash", "java/sql-injection", "java/path-traversal"), ruleIds());
        click("#sort-dir");
        select("#sort", "severity");

        // the flow: four numbered steps across two files, each step's line highlighted and numbered
        WebElement sql = rows().get(0);
        sql.findElement(By.cssSelector(".row")).click();
        List<WebElement> steps = sql.findElements(By.cssSelector(".steps .step"));
        assertEquals(4, steps.size());
        assertEquals("1 SOURCE src/main/java/com/acme/web/UserController.java:9 request.getParameter(\"name\")",
                steps.get(0).getText().replace('\n', ' '));
        assertTrue(steps.get(3).getText().contains("UserDao.java:9"));
        List<WebElement> excerpts = sql.findElements(By.cssSelector(".excerpt"));
        assertEquals(2, excerpts.size(), "one excerpt per file, steps 1-3 merged");
        assertEquals(List.of("9:1", "10:2", "11:3"), highlighted(excerpts.get(0)));
        assertEquals(List.of("9:4"), highlighted(excerpts.get(1)));
        assertTrue(excerpts.get(1).getText().contains("executeQuery(\"SELECT * FROM users"));
        assertEquals(List.of("request.getParameter(\"name\")", "name.trim()", "dao.find(trimmed)"),
                excerpts.get(0).findElements(By.cssSelector("mark.col")).stream().map(WebElement::getText).toList(),
                "each step's columns are marked");
        assertTrue(text(sql, ".triage").contains("True positive"));
        assertTrue(text(sql, ".triage").contains("confidence 92%"));
        assertTrue(text(sql, ".triage").contains("3 of 3 samples agree"));
        assertEquals("the /users endpoint is reachable without login", text(sql, ".triage .preconditions li"));
        assertEquals(3, sql.findElements(By.cssSelector(".diff .d-add")).size());
        assertTrue(text(sql, ".rule-help pre.md-bad").startsWith("st.executeQuery(\"SELECT"), "vulnerable example marked");
        assertTrue(text(sql, ".rule-help pre.md-good").startsWith("PreparedStatement ps = conn.prepareStatement"), "fixed example marked");
        assertTrue(text(sql, ".rule-help").contains("See the OWASP cheat sheet (https://cheatsheetseries.owasp.org/)."));
        assertEquals(0L, js("return document.getElementsByTagName('a').length;"), "links stay text");
        assertTrue(text(sql, ".rule-help").contains("never concatenate user input"));

        WebElement missing = rows().get(1);
        missing.findElement(By.cssSelector(".row")).click();
        assertTrue(text(missing, ".missing").startsWith("Source not available: file not found"));
        assertTrue(text(missing, ".excerpt").contains("new File(base, name)"), "falls back to the reported snippet");

        // run properties: a nested map as rows, a list of records (model usage) as a table with totals
        assertTrue(text(".scan-card .meta").contains("Model name\nqwen3-coder-30b"), text(".scan-card .meta"));
        assertEquals("Total 15 16,000 2,000 $0.0150", text(".scan-card .props tfoot").replace('\n', ' ').replaceAll(" +", " ").strip());

        screenshot("report-light.png");
        colorScheme("dark");
        screenshot("report-dark.png");
        assertTrue(text(".top-meta").contains("src"));
        assertFalse(browser.getTitle().isEmpty());
    }

    @Test
    void aLinkWithAFingerprintOpensThatFinding() throws Exception {
        ReportFixtures.writeProject(root);
        Path page = open(ReportFixtures.sample(), "link-report.html");
        rows().get(1).findElement(By.cssSelector(".row")).click();
        String fp = ReportFixtures.missingFile().fingerprint();
        assertTrue(browser.getCurrentUrl().endsWith("#" + fp), "opening a finding puts it in the URL: " + browser.getCurrentUrl());

        String suppressed = ReportFixtures.suppressed().fingerprint();
        browser.get(page.toUri() + "#" + suppressed);
        browser.navigate().refresh();
        waitFor(() -> "true".equals(js("return document.documentElement.dataset.ready || null;")));

        List<WebElement> open = browser.findElements(By.cssSelector("#list .finding.open"));
        assertEquals(1, open.size());
        assertEquals("SHA-1 is weak", text(open.get(0), ".detail-msg"));
        assertTrue(browser.findElement(By.id("show-suppressed")).isSelected(), "suppressed findings shown to reach it");
    }

    @Test
    void anEmptyScanSaysSo() throws Exception {
        open(new ScanResult(List.of(), List.of(), List.of("src"), 12, 3400, null, 80, true, Map.of()), "empty-report.html");

        assertEquals("0", text(".severity-card .big"));
        assertEquals("No findings. Nothing to fix.", text("#list .empty"));
        assertTrue(text(".scan-card").contains("3,400"));
        assertTrue(browser.findElements(By.cssSelector("#pager .page")).isEmpty());
    }

    @Test
    void plantedMarkupRendersAsTextAndRunsNothing() throws Exception {
        ReportFixtures.writeProject(root);
        open(ReportFixtures.sample(), "payload-report.html");

        WebElement sql = rows().get(0);
        assertTrue(text(sql, ".row-msg").endsWith(ReportFixtures.PAYLOAD), "message shows the payload as text");
        sql.findElement(By.cssSelector(".row")).click();
        assertTrue(text(sql, ".detail-msg").endsWith(ReportFixtures.PAYLOAD));
        WebElement line6 = sql.findElement(By.cssSelector(".excerpt:nth-of-type(2) .ln[data-line='6'] .src"));
        assertEquals("    // " + ReportFixtures.PAYLOAD, line6.getText());

        assertEquals(0L, js("return document.getElementsByTagName('img').length;"), "no img element created");
        assertEquals(2L, js("return document.getElementsByTagName('script').length;"), "no script element created");
        assertEquals(Boolean.TRUE, js("return typeof window.__pwned === 'undefined';"), "no handler ran");
    }

    @Test
    void tenThousandFindingsOpenQuicklyAndStayInteractive() throws Exception {
        ScanResult many = ReportFixtures.many(root, 10_000);
        Path page = open(many, "10k-report.html");

        long bytes = Files.size(page);
        double loadMs = ((Number) js("var n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;"))
                .doubleValue();
        double scriptMs = ((Number) js("return performance.getEntriesByName('vigil-render')[0].duration;")).doubleValue();
        System.out.printf("10,000 findings: %,d bytes, page loaded in %.0f ms, of which the report script took %.0f ms%n",
                bytes, loadMs, scriptMs);
        assertTrue(loadMs < 5000, "opens in " + loadMs + " ms");

        assertEquals("Showing 1\u201350 of 10,000 findings", text("#list-head"));
        assertEquals(50, rows().size(), "one page rendered, not 10,000 rows");

        // The click handler filters, sorts and renders synchronously: time it inside the page, where
        // WebDriver's own round trip does not count.
        double filterMs = ((Number) js("var t = performance.now(); document.querySelector(\".chip[data-sev='critical']\").click();"
                + " return performance.now() - t;")).doubleValue();
        assertEquals("Showing 1\u201350 of 2,000 findings", text("#list-head"));
        double searchMs = ((Number) js("var q = document.querySelector('.search'); q.value = 'module10/';"
                + " var t = performance.now(); q.dispatchEvent(new Event('input')); return performance.now() - t;")).doubleValue();
        waitFor(() -> text("#list-head").equals("Showing 1\u201350 of 250 findings"));
        System.out.printf("10,000 findings: severity filter applied and rendered in %.0f ms%n", filterMs);
        assertTrue(filterMs < 1000, "filter took " + filterMs + " ms");
        assertTrue(searchMs < 100, "typing is not blocked (the search is debounced): " + searchMs + " ms");
        type(".search", "");
        waitFor(() -> text("#list-head").equals("Showing 1\u201350 of 2,000 findings"));

        click(".pager .next");
        assertEquals("Showing 51\u2013100 of 2,000 findings", text("#list-head"));
        click(".chip[data-sev='critical']");

        type(".search", "service.m9999"); // the method name; a bare number could also match fingerprints
        waitFor(() -> rows().size() == 1);
        WebElement last = rows().get(0);
        last.findElement(By.cssSelector(".row")).click();
        assertEquals(2, last.findElements(By.cssSelector(".steps .step")).size());
        assertEquals(2, last.findElements(By.cssSelector(".excerpt .ln.hl")).size());
        screenshot("report-10k.png");
    }

    // ---------- helpers ----------

    private Path open(ScanResult result, String name) throws IOException {
        Path page = ARTIFACTS.resolve(name).toAbsolutePath();
        Files.writeString(page.resolveSibling(name + ".tmp"), ReportFixtures.render(result, root), StandardCharsets.UTF_8);
        Files.move(page.resolveSibling(name + ".tmp"), page, StandardCopyOption.REPLACE_EXISTING);
        browser.get(page.toUri().toString());
        waitFor(() -> "true".equals(js("return document.documentElement.dataset.ready || null;")));
        return page;
    }

    private static void colorScheme(String scheme) {
        if (browser != null) {
            browser.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        }
    }

    /** The whole page from the top, not just the viewport. */
    private static void screenshot(String name) throws IOException {
        js("window.scrollTo(0, 0);");
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 6000)));
        Files.write(ARTIFACTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(before);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#list .finding"));
    }

    /** Read in one script call: the list may be re-rendered between two WebDriver calls. */
    @SuppressWarnings("unchecked")
    private static List<String> ruleIds() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#list .finding .rule-id'), e => e.textContent);");
    }

    private static List<String> highlighted(WebElement excerpt) {
        return excerpt.findElements(By.cssSelector(".ln.hl")).stream()
                .map(l -> l.findElement(By.cssSelector(".gutter")).getText() + ":" + l.findElement(By.cssSelector(".marks")).getText())
                .toList();
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String text(WebElement in, String css) {
        return in.findElement(By.cssSelector(css)).getText();
    }

    private static void click(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    private static void select(String css, String value) {
        // what a user's pick does: set the value and fire the change event
        js("var s = document.querySelector('" + css + "'); s.value = '" + value + "'; s.dispatchEvent(new Event('change'));");
    }

    private static void type(String css, String text) {
        WebElement input = browser.findElement(By.cssSelector(css));
        input.clear();
        if (text.isEmpty()) {
            js("document.querySelector('" + css + "').dispatchEvent(new Event('input'));");
        } else {
            input.sendKeys(text);
        }
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within 10 s; the list says: " + text("#list-head"));
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
