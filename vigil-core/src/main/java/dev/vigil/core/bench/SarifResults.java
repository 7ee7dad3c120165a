package dev.vigil.core.bench;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts (file, CWEs, rule id, line) from any tool's SARIF 2.1.0 log. This is deliberately not
 * Vigil's own SARIF reader: the scorecards must read other tools' output, and tools put the CWE in
 * different places, all of which are collected here:
 * <ul>
 *   <li>rule {@code properties.tags}: "external/cwe/cwe-89" (CodeQL), "CWE-89: Improper..." (Semgrep), "cwe-89";
 *   <li>rule or result properties named like "cwe" ("cwe": 89, "cwe": "CWE-89", "cwe_ids": ["89"]);
 *   <li>rule {@code relationships} whose target is in a taxonomy named CWE, by id or by guid;
 *   <li>result {@code taxa} references into a CWE taxonomy;
 *   <li>the rule id itself ("CWE-89", "java/cwe-89-sqli").
 * </ul>
 * A result carries the union of what it and its rule claim. Only the first location counts, as in
 * code-scanning services. Results of kind pass/notApplicable/informational, results suppressed with
 * status accepted, and results whose baselineState is "absent" are not findings and are skipped.
 */
public final class SarifResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "CWE-89", "cwe_89", "external/cwe/cwe-89", "CWE:89", "CWE 89". */
    private static final Pattern CWE_IN_TEXT = Pattern.compile("(?i)(?<![a-z])cwe[-_:/ ]?(\\d{1,5})(?!\\d)");
    /** The value of a property named "cwe": also accepts a bare number "89". */
    private static final Pattern CWE_VALUE = Pattern.compile("(?i)^\\s*(?:cwe[-_:/ ]?)?(\\d{1,5})\\b");

    private static final Set<String> NOT_FINDINGS = Set.of("pass", "notapplicable", "informational");

    private SarifResults() {
    }

    public static ToolResults read(Path file) throws BenchInputException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (NoSuchFileException e) {
            throw new BenchInputException(file + ": SARIF file not found");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new BenchInputException(file + where + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BenchInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file.getFileName().toString(), root);
    }

    /** Reads an already parsed log; {@code source} names it in messages and is the fallback tool name. */
    public static ToolResults parse(String source, JsonNode root) throws BenchInputException {
        if (root == null || !root.isObject() || !root.path("runs").isArray()) {
            throw new BenchInputException(source + ": not a SARIF log (no 'runs' array)");
        }
        Set<String> toolNames = new LinkedHashSet<>();
        List<ToolResult> results = new ArrayList<>();
        Skipped skipped = new Skipped();
        int runIndex = 0;
        for (JsonNode run : root.path("runs")) {
            new RunReader(run).read(results, skipped);
            String name = text(run.path("tool").path("driver").path("name"));
            if (!name.isEmpty()) {
                toolNames.add(name);
            }
            runIndex++;
        }
        List<String> warnings = new ArrayList<>();
        if (runIndex == 0) {
            warnings.add(source + ": the log has no runs");
        }
        if (skipped.withoutFile > 0) {
            warnings.add(source + ": " + skipped.withoutFile + " result(s) without a file location were ignored");
        }
        long withoutCwe = results.stream().filter(r -> r.cwes().isEmpty()).count();
        if (withoutCwe > 0) {
            // a tool that names no CWE scores 0 everywhere; say why instead of letting the numbers mislead
            warnings.add(source + ": " + withoutCwe + " result(s) name no CWE and cannot flag a test case"
                    + " (assign CWEs to their rules with --rule-cwe RULE=CWE)");
        }
        String tool = toolNames.isEmpty() ? stripExtension(source) : String.join("+", toolNames);
        return new ToolResults(tool, source, results, warnings);
    }

    /** Results dropped while reading, reported as one warning per file. */
    private static final class Skipped {
        int withoutFile;
    }

    /** State of one run: its rules, taxonomies and artifacts, which results refer to by index. */
    private static final class RunReader {
        private final JsonNode run;
        private final List<JsonNode> components = new ArrayList<>();
        private final Map<String, Set<Integer>> cweByRuleId = new HashMap<>();
        private final List<List<Set<Integer>>> cweByRuleIndex = new ArrayList<>();
        private final List<String> taxonomyNames = new ArrayList<>();
        private final Map<String, Integer> cweByTaxonGuid = new HashMap<>();

        RunReader(JsonNode run) {
            this.run = run;
            JsonNode tool = run.path("tool");
            components.add(tool.path("driver"));
            for (JsonNode ext : tool.path("extensions")) {
                components.add(ext);
            }
            for (JsonNode taxonomy : run.path("taxonomies")) {
                String name = text(taxonomy.path("name"));
                taxonomyNames.add(name);
                if (isCweName(name)) {
                    for (JsonNode taxon : taxonomy.path("taxa")) {
                        int cwe = cweOfTaxon(taxon);
                        String guid = text(taxon.path("guid"));
                        if (cwe > 0 && !guid.isEmpty()) {
                            cweByTaxonGuid.put(guid.toLowerCase(Locale.ROOT), cwe);
                        }
                    }
                }
            }
            for (JsonNode component : components) {
                List<Set<Integer>> byIndex = new ArrayList<>();
                for (JsonNode rule : component.path("rules")) {
                    Set<Integer> cwes = ruleCwes(rule);
                    byIndex.add(cwes);
                    String id = text(rule.path("id"));
                    if (!id.isEmpty()) {
                        cweByRuleId.merge(id, cwes, RunReader::union);
                    }
                }
                cweByRuleIndex.add(byIndex);
            }
        }

        void read(List<ToolResult> out, Skipped skipped) {
            for (JsonNode result : run.path("results")) {
                if (!isFinding(result)) {
                    continue;
                }
                String ruleId = text(result.path("ruleId"));
                if (ruleId.isEmpty()) {
                    ruleId = text(result.path("rule").path("id"));
                }
                Set<Integer> cwes = new TreeSet<>(ruleCwesOf(result, ruleId));
                cwes.addAll(cwesInProperties(result.path("properties")));
                cwes.addAll(taxaCwes(result.path("taxa")));
                cwes.addAll(cwesInText(ruleId));
                JsonNode physical = result.path("locations").path(0).path("physicalLocation");
                String path = artifactPath(physical.path("artifactLocation"));
                if (path.isEmpty()) {
                    skipped.withoutFile++;
                    continue;
                }
                JsonNode startLine = physical.path("region").path("startLine");
                int line = startLine.canConvertToInt() ? Math.max(0, startLine.asInt()) : 0;
                out.add(new ToolResult(path, cwes, ruleId, line));
            }
        }

        private Set<Integer> ruleCwesOf(JsonNode result, String ruleId) {
            JsonNode ruleRef = result.path("rule");
            int component = 0;
            JsonNode componentRef = ruleRef.path("toolComponent");
            if (componentRef.path("index").canConvertToInt()) {
                component = componentRef.path("index").asInt() + 1; // extensions follow the driver
            } else if (componentRef.has("name")) {
                component = componentByName(text(componentRef.path("name")));
            }
            JsonNode index = result.has("ruleIndex") ? result.path("ruleIndex") : ruleRef.path("index");
            if (index.canConvertToInt() && component >= 0 && component < cweByRuleIndex.size()) {
                List<Set<Integer>> rules = cweByRuleIndex.get(component);
                int i = index.asInt();
                if (i >= 0 && i < rules.size()) {
                    return rules.get(i);
                }
            }
            // Hierarchical rule ids ("rule/subrule") name the descriptor by their prefix.
            String id = ruleId;
            while (!id.isEmpty()) {
                Set<Integer> cwes = cweByRuleId.get(id);
                if (cwes != null) {
                    return cwes;
                }
                int slash = id.lastIndexOf('/');
                id = slash < 0 ? "" : id.substring(0, slash);
            }
            return Set.of();
        }

        private int componentByName(String name) {
            for (int i = 0; i < components.size(); i++) {
                if (text(components.get(i).path("name")).equals(name)) {
                    return i;
                }
            }
            return 0;
        }

        private Set<Integer> ruleCwes(JsonNode rule) {
            Set<Integer> cwes = new TreeSet<>(cwesInProperties(rule.path("properties")));
            cwes.addAll(cwesInText(text(rule.path("id"))));
            for (JsonNode relationship : rule.path("relationships")) {
                cwes.addAll(referenceCwe(relationship.path("target")));
            }
            return cwes;
        }

        private Set<Integer> taxaCwes(JsonNode taxa) {
            Set<Integer> cwes = new TreeSet<>();
            for (JsonNode ref : taxa) {
                cwes.addAll(referenceCwe(ref));
            }
            return cwes;
        }

        /** A reportingDescriptorReference into a taxonomy: counts only when that taxonomy is CWE. */
        private Set<Integer> referenceCwe(JsonNode ref) {
            String guid = text(ref.path("guid")).toLowerCase(Locale.ROOT);
            if (cweByTaxonGuid.containsKey(guid)) {
                return Set.of(cweByTaxonGuid.get(guid));
            }
            JsonNode component = ref.path("toolComponent");
            String componentName = text(component.path("name"));
            if (componentName.isEmpty() && component.path("index").canConvertToInt()) {
                int i = component.path("index").asInt();
                componentName = i >= 0 && i < taxonomyNames.size() ? taxonomyNames.get(i) : "";
            }
            String id = text(ref.path("id"));
            if (isCweName(componentName)) {
                Matcher m = CWE_VALUE.matcher(id);
                return m.find() ? Set.of(Integer.parseInt(m.group(1))) : Set.of();
            }
            return cwesInText(id);
        }

        private String artifactPath(JsonNode artifactLocation) {
            String uri = text(artifactLocation.path("uri"));
            if (uri.isEmpty() && artifactLocation.path("index").canConvertToInt()) {
                int i = artifactLocation.path("index").asInt();
                uri = text(run.path("artifacts").path(i).path("location").path("uri"));
            }
            return ResultPaths.normalize(uri);
        }

        private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
            Set<Integer> u = new TreeSet<>(a);
            u.addAll(b);
            return u;
        }
    }

    private static boolean isFinding(JsonNode result) {
        String kind = text(result.path("kind")).toLowerCase(Locale.ROOT);
        if (NOT_FINDINGS.contains(kind)) {
            return false;
        }
        if ("absent".equals(text(result.path("baselineState")))) {
            return false;
        }
        for (JsonNode suppression : result.path("suppressions")) {
            String status = text(suppression.path("status"));
            // SARIF: a suppression without a status is in effect
            if (status.isEmpty() || status.equals("accepted")) {
                return false;
            }
        }
        return true;
    }

    /** CWEs in a property bag: "tags" entries and any property whose name mentions cwe. */
    static Set<Integer> cwesInProperties(JsonNode properties) {
        Set<Integer> cwes = new TreeSet<>();
        if (!properties.isObject()) {
            return cwes;
        }
        for (JsonNode tag : properties.path("tags")) {
            cwes.addAll(cwesInText(text(tag)));
        }
        properties.properties().forEach(e -> {
            if (e.getKey().toLowerCase(Locale.ROOT).contains("cwe")) {
                collectCweValues(e.getValue(), cwes);
            }
        });
        return cwes;
    }

    private static void collectCweValues(JsonNode value, Set<Integer> into) {
        if (value.isArray()) {
            value.forEach(v -> collectCweValues(v, into));
        } else if (value.isIntegralNumber() && value.asInt() > 0) {
            into.add(value.asInt());
        } else if (value.isTextual()) {
            // "89", "CWE-89", "CWE-89, CWE-564"
            for (String part : value.asText().split("[,;]")) {
                Matcher m = CWE_VALUE.matcher(part);
                if (m.find()) {
                    into.add(Integer.parseInt(m.group(1)));
                }
            }
        }
    }

    static Set<Integer> cwesInText(String s) {
        Set<Integer> cwes = new TreeSet<>();
        if (s == null || s.isEmpty()) {
            return cwes;
        }
        Matcher m = CWE_IN_TEXT.matcher(s);
        while (m.find()) {
            int cwe = Integer.parseInt(m.group(1));
            if (cwe > 0) {
                cwes.add(cwe);
            }
        }
        return cwes;
    }

    private static int cweOfTaxon(JsonNode taxon) {
        Matcher m = CWE_VALUE.matcher(text(taxon.path("id")));
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        Set<Integer> inName = cwesInText(text(taxon.path("name")));
        return inName.isEmpty() ? 0 : inName.iterator().next();
    }

    private static boolean isCweName(String name) {
        return name.toUpperCase(Locale.ROOT).contains("CWE");
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText("") : "";
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
