package dev.vigil.cli.html;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.core.finding.Location;
import dev.vigil.core.finding.Severity;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small scanned project on disk and the scan result a report is written from. */
public final class ReportFixtures {

    /** Planted in scanned code and in a message: must show up as text, never as markup. */
    public static final String PAYLOAD = "</script><img src=x onerror=\"window.__pwned=1\">";

    public static final Instant STARTED = Instant.parse("2026-11-30T04:00:00Z");

    private ReportFixtures() {
    }

    public static RuleCatalog rules() {
        return new RuleCatalog(List.of(
                new Rule("java/sql-injection", "SQL injection", 89, Severity.HIGH,
                        "User input reaches a SQL query.",
                        "A query is built from user input by string concatenation.",
                        """
                        Building SQL from request data lets an attacker change the query.

                        Use a `PreparedStatement` and bind the value. See [the OWASP cheat sheet](https://cheatsheetseries.owasp.org/).

                        Vulnerable:
                        ```java
                        st.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
                        ```

                        Fixed:
                        ```java
                        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
                        ps.setString(1, name);
                        ```

                        - never concatenate user input
                        - validate identifiers against an allow list
                        """,
                        List.of("security")),
                new Rule("java/path-traversal", "Path traversal", 22, Severity.MEDIUM,
                        "User input reaches a file path.", null,
                        "Normalize the path and check it stays under the base directory.", List.of()),
                new Rule("java/weak-hash", "Weak hash", 328, Severity.LOW,
                        "MD5 or SHA-1 used for security.", null, "Use SHA-256 or better.", List.of())));
    }

    /** Writes the scanned files under {@code root}; {@code UserDao.java} carries the payload in a comment. */
    public static void writeProject(Path root) throws IOException {
        Path web = Files.createDirectories(root.resolve("src/main/java/com/acme/web"));
        Path data = Files.createDirectories(root.resolve("src/main/java/com/acme/data"));
        Files.writeString(web.resolve("UserController.java"), """
                package com.acme.web;

                import jakarta.servlet.http.HttpServletRequest;

                public class UserController {
                    private final UserDao dao = new UserDao();

                    public String show(HttpServletRequest request) {
                        String name = request.getParameter("name");
                        String trimmed = name.trim();
                        return dao.find(trimmed);
                    }
                }
                """, StandardCharsets.UTF_8);
        Files.writeString(data.resolve("UserDao.java"), """
                package com.acme.data;

                import java.sql.*;

                public class UserDao {
                    // %s
                    public String find(String name) throws SQLException {
                        Statement st = conn.createStatement();
                        ResultSet rs = st.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
                        return rs.getString(1);
                    }
                }
                """.formatted(PAYLOAD), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("Hashes.java"), """
                package com.acme.data;

                class Hashes {
                    byte[] md5(byte[] in) throws Exception {
                        return java.security.MessageDigest.getInstance("MD5").digest(in);
                    }
                }
                """, StandardCharsets.UTF_8);
    }

    public static Finding sqlInjection() {
        String ctl = "src/main/java/com/acme/web/UserController.java";
        String dao = "src/main/java/com/acme/data/UserDao.java";
        return new Finding("java/sql-injection", 89, Severity.HIGH,
                "Request parameter 'name' flows into a SQL query " + PAYLOAD,
                new Location(dao, 9, 24, 9, 90, "st.executeQuery(\"SELECT ...\" + name + \"'\")"),
                "com.acme.data.UserDao.find(String)",
                List.of(new FlowStep(FlowStep.Kind.SOURCE, new Location(ctl, 9, 23, 9, 51, ""), "request.getParameter(\"name\")"),
                        new FlowStep(FlowStep.Kind.STEP, new Location(ctl, 10, 26, 10, 37, ""), "name.trim()"),
                        new FlowStep(FlowStep.Kind.STEP, new Location(ctl, 11, 16, 11, 33, ""), "argument of UserDao.find"),
                        new FlowStep(FlowStep.Kind.SINK, new Location(dao, 9, 24, 9, 90, ""), "Statement.executeQuery")),
                null,
                Map.of("triage", Map.of("verdict", "true-positive", "confidence", 0.92,
                                "reasoning", "The parameter is concatenated unchanged into the query.",
                                "exploitPreconditions", List.of("the /users endpoint is reachable without login"),
                                "model", "qwen3-coder-30b",
                                "voting", Map.of("samples", 3, "valid", 3, "agreement", 1.0)),
                        "fix", Map.of("diff", """
                                --- a/src/main/java/com/acme/data/UserDao.java
                                +++ b/src/main/java/com/acme/data/UserDao.java
                                @@ -8,2 +8,3 @@
                                -        Statement st = conn.createStatement();
                                -        ResultSet rs = st.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
                                +        PreparedStatement st = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
                                +        st.setString(1, name);
                                +        ResultSet rs = st.executeQuery();
                                """)),
                null);
    }

    public static Finding weakHash() {
        return Finding.of("java/weak-hash", 328, Severity.LOW, "MD5 is not collision resistant",
                new Location("src/main/java/com/acme/data/Hashes.java", 5, 16, 5, 70, ""), "com.acme.data.Hashes.md5(byte[])",
                List.of()).withProperty("triage", Map.of("verdict", "false-positive", "confidence", 0.8,
                "reasoning", "Used as a cache key, not for security."));
    }

    public static Finding missingFile() {
        return Finding.of("java/path-traversal", 22, Severity.MEDIUM, "File name from the request opens a file",
                new Location("src/main/java/com/acme/gone/Files.java", 14, 9, 14, 40, "new File(base, name)"),
                "com.acme.gone.Files.open(String)",
                List.of(new FlowStep(FlowStep.Kind.SOURCE, new Location("src/main/java/com/acme/gone/Files.java", 12, 1, 12, 1, "String name = req.getParameter(\"f\");"), "getParameter"),
                        new FlowStep(FlowStep.Kind.SINK, new Location("src/main/java/com/acme/gone/Files.java", 14, 9, 14, 40, "new File(base, name)"), "new File")));
    }

    public static Finding suppressed() {
        return Finding.of("java/weak-hash", 328, Severity.LOW, "SHA-1 is weak",
                        new Location("src/main/java/com/acme/data/Hashes.java", 5, 16, 5, 70, ""), "legacy", List.of())
                .withSuppression(new Suppression(Suppression.Kind.IN_SOURCE, "legacy interop"));
    }

    public static ScanResult result(List<Finding> findings) {
        return new ScanResult(findings, List.of(Notification.warning("src/Broken.java", "could not parse: unexpected token")),
                List.of("src"), 3, 42, STARTED, 1234, true,
                Map.of("model", Map.of("name", "qwen3-coder-30b", "endpoint", "local"),
                        "modelUsage", List.of(
                                usage("triage", "qwen3-coder-30b", 12, 12000, 800, 0.0123),
                                usage("fix", "qwen3-coder-30b", 3, 4000, 1200, 0.0027))));
    }

    /** A row of vigil-llm's modelUsage run property. */
    private static Map<String, Object> usage(String stage, String model, int requests, int input, int output, double cost) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("stage", stage);
        m.put("model", model);
        m.put("requests", requests);
        m.put("inputTokens", input);
        m.put("outputTokens", output);
        m.put("costUsd", cost);
        return m;
    }

    public static ScanResult sample() {
        return result(List.of(sqlInjection(), weakHash(), missingFile(), suppressed()));
    }

    /** {@code count} findings spread over rules, severities, directories and verdicts, all pointing at real files. */
    public static ScanResult many(Path root, int count) throws IOException {
        Severity[] severities = Severity.values();
        String[] rules = {"java/sql-injection", "java/path-traversal", "java/weak-hash"};
        String[] verdicts = {"true-positive", "false-positive", "uncertain"};
        List<Finding> findings = new ArrayList<>(count);
        for (int d = 0; d < 40; d++) {
            Path dir = Files.createDirectories(root.resolve("src/module" + d));
            StringBuilder code = new StringBuilder();
            for (int line = 1; line <= 400; line++) {
                code.append("    String v").append(line).append(" = input.get(\"k").append(line).append("\"); // code\n");
            }
            for (int f = 0; f < 10; f++) {
                Files.writeString(dir.resolve("Service" + f + ".java"), code);
            }
        }
        for (int i = 0; i < count; i++) {
            String file = "src/module" + (i % 40) + "/Service" + (i % 10) + ".java";
            int line = 5 + (i * 7) % 390;
            String rule = rules[i % rules.length];
            Finding f = new Finding(rule, rule.equals("java/sql-injection") ? 89 : rule.equals("java/path-traversal") ? 22 : 328,
                    severities[i % severities.length], "Finding number " + i + " in " + file, new Location(file, line, 5, line, 30, ""),
                    "Service.m" + i,
                    List.of(new FlowStep(FlowStep.Kind.SOURCE, Location.line(file, Math.max(1, line - 3)), "input.get"),
                            new FlowStep(FlowStep.Kind.SINK, Location.line(file, line), "sink")),
                    null, Map.of(), null);
            if (i % 4 != 0) {
                f = f.withProperty("triage", Map.of("verdict", verdicts[i % 3], "confidence", (i % 100) / 100.0, "reasoning", "r" + i));
            }
            findings.add(f);
        }
        return result(findings);
    }

    public static String render(ScanResult result, Path root) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReport(Clock.fixed(Instant.parse("2026-11-30T05:00:00Z"), ZoneOffset.UTC)).write(result, rules(), root, out);
        return out.toString();
    }
}
