package dev.vigil.core.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a truth file (format in docs/bench.md):
 *
 * <pre>
 * {"entries": [{"id": "CVE-2099-0001", "project": "projects/shop", "cwe": [89],
 *               "sarif": "results/shop.sarif",
 *               "changes": [{"file": "src/main/java/shop/OrderDao.java", "lines": [[41, 47], 60]}]}]}
 * </pre>
 *
 * "cwe" is a number, a "CWE-89" string or a list of them; "sarif" is optional; a change without
 * "lines" covers the whole file; a line range is [first, last] or a single line number. Relative
 * paths are resolved against the truth file's directory. All problems are reported at once, each
 * naming the entry.
 */
public final class TruthFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TruthFile() {
    }

    public static List<TruthEntry> read(Path file) throws BenchInputException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BenchInputException(file + ": truth file not found");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BenchInputException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BenchInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file.toString(), base, root);
    }

    static List<TruthEntry> parse(String source, Path base, JsonNode root) throws BenchInputException {
        JsonNode entries = root == null ? null : root.get("entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new BenchInputException(source + ": expected an object with a non-empty \"entries\" array");
        }
        List<String> problems = new ArrayList<>();
        List<TruthEntry> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (JsonNode e : entries) {
            n++;
            String id = e.path("id").isTextual() && !e.path("id").asText().isBlank() ? e.path("id").asText() : "#" + n;
            String where = source + ": entry " + id + ": ";
            int before = problems.size();
            if (!e.isObject()) {
                problems.add(source + ": entry #" + n + " is not an object");
                continue;
            }
            if (!ids.add(id)) {
                problems.add(where + "duplicate id");
            }
            String project = e.path("project").isTextual() ? e.path("project").asText() : "";
            if (project.isBlank()) {
                problems.add(where + "missing \"project\" (the project directory)");
            }
            Set<Integer> cwes = cwes(e.get("cwe"), where, problems);
            List<TruthEntry.ChangedFile> changes = changes(e.get("changes"), where, problems);
            Path sarif = null;
            if (e.has("sarif")) {
                if (e.path("sarif").isTextual() && !e.path("sarif").asText().isBlank()) {
                    sarif = base.resolve(e.path("sarif").asText()).normalize();
                } else {
                    problems.add(where + "\"sarif\" must be a file path");
                }
            }
            if (problems.size() == before) {
                result.add(new TruthEntry(id, base.resolve(project).normalize(), cwes, changes, sarif));
            }
        }
        if (!problems.isEmpty()) {
            throw new BenchInputException(problems);
        }
        return result;
    }

    private static Set<Integer> cwes(JsonNode node, String where, List<String> problems) {
        Set<Integer> cwes = new TreeSet<>();
        if (node == null) {
            problems.add(where + "missing \"cwe\"");
            return cwes;
        }
        for (JsonNode v : node.isArray() ? node : List.of(node)) {
            int cwe = 0;
            if (v.isIntegralNumber()) {
                cwe = v.asInt();
            } else if (v.isTextual()) {
                String s = v.asText().strip();
                s = s.regionMatches(true, 0, "CWE-", 0, 4) ? s.substring(4) : s;
                try {
                    cwe = Integer.parseInt(s);
                } catch (NumberFormatException ex) {
                    cwe = 0;
                }
            }
            if (cwe <= 0) {
                problems.add(where + "\"cwe\" value " + v + " is not a CWE number");
            } else {
                cwes.add(cwe);
            }
        }
        if (cwes.isEmpty() && node.isArray()) {
            problems.add(where + "\"cwe\" is empty");
        }
        return cwes;
    }

    private static List<TruthEntry.ChangedFile> changes(JsonNode node, String where, List<String> problems) {
        List<TruthEntry.ChangedFile> changes = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(where + "missing \"changes\" (the files the fix changed)");
            return changes;
        }
        for (JsonNode c : node) {
            String file = c.path("file").isTextual() ? c.path("file").asText().strip() : "";
            if (file.isEmpty()) {
                problems.add(where + "a change without \"file\"");
                continue;
            }
            List<TruthEntry.LineRange> ranges = new ArrayList<>();
            for (JsonNode r : c.path("lines")) {
                try {
                    if (r.isIntegralNumber()) {
                        ranges.add(new TruthEntry.LineRange(r.asInt(), r.asInt()));
                    } else if (r.isArray() && r.size() == 2 && r.get(0).isIntegralNumber() && r.get(1).isIntegralNumber()) {
                        ranges.add(new TruthEntry.LineRange(r.get(0).asInt(), r.get(1).asInt()));
                    } else {
                        problems.add(where + file + ": line range " + r + " must be [first, last] or a line number");
                    }
                } catch (IllegalArgumentException ex) {
                    problems.add(where + file + ": " + ex.getMessage());
                }
            }
            changes.add(new TruthEntry.ChangedFile(ResultPaths.normalize(file), ranges));
        }
        return changes;
    }
}
