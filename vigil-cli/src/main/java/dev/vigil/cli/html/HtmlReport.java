package dev.vigil.cli.html;

import dev.vigil.cli.VersionProvider;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.scan.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;

/**
 * Writes a scan as one self-contained HTML page: styles, script and data inline, nothing loaded from
 * the network. The page is a fixed shell; everything that came from the scan (code, messages, paths,
 * rule help, model output) travels as JSON in a {@code <script type="application/json">} block and is
 * put on screen by the page's script with DOM text nodes, never as markup. A Content-Security-Policy
 * that admits only the page's own script and style (by hash) backs that up: even a bug that let markup
 * through could not run a script or load anything.
 */
public final class HtmlReport {

    private static final String RESOURCES = "/dev/vigil/cli/html/";

    private final Clock clock;

    public HtmlReport() {
        this(Clock.systemUTC());
    }

    HtmlReport(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes the report for {@code result}.
     *
     * @param rules supplies help text and names for the findings' rule ids; unknown ids are shown without help
     * @param baseDir the directory the findings' file paths are relative to; the code around each flow
     *     step is read from there, and a file that is missing or unreadable is shown as such; null means
     *     the current directory
     */
    public void write(ScanResult result, RuleCatalog rules, Path baseDir, Writer out) throws IOException {
        String template = resource("report.html");
        String css = resource("report.css");
        String js = resource("report.js");
        if (js.contains("</") || css.contains("</")) {
            throw new IllegalStateException("report.js and report.css must not contain '</'");
        }
        String csp = "default-src 'none'; script-src '" + sha256(js) + "'; style-src '" + sha256(css)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
        int data = template.indexOf("{{data}}");
        String head = template.substring(0, data)
                .replace("{{csp}}", csp)
                .replace("{{css}}", css);
        String tail = template.substring(data + "{{data}}".length()).replace("{{js}}", js);

        out.write(head);
        Path base = baseDir == null ? Path.of("") : baseDir;
        ScriptJson.write(ReportModel.build(result, rules, base, VersionProvider.version(), clock.instant()), out);
        out.write(tail);
        out.flush();
    }

    /** The report as a string, for callers that hold every format's output in memory before writing it. */
    public String toHtml(ScanResult result, RuleCatalog rules, Path baseDir) {
        StringWriter out = new StringWriter();
        try {
            write(result, rules, baseDir, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCES + name, e);
        }
    }

    /** The CSP source expression for an inline element whose text is exactly {@code content}. */
    static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
