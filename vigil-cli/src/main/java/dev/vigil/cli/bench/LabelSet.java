package dev.vigil.cli.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.bench.BenchInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code LABELS.json} file of {@code vigil bench triage}: findings with a human verdict. Format in
 * docs/bench.md ("Model leaderboard").
 *
 * @param file the labels file
 * @param project directory the labelled files are relative to (resolved against the labels file's directory)
 * @param sarif SARIF log that holds the findings to triage, or null to scan {@code project} with Vigil
 */
public record LabelSet(Path file, Path project, Path sarif, List<Label> labels) {

    /** The two answers a human gives; "uncertain" is a model's way out, never a label. */
    public enum Truth {
        TRUE_POSITIVE("true-positive"), FALSE_POSITIVE("false-positive");

        private final String label;

        Truth(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One labelled finding; {@code line} is 0 when only a fingerprint identifies it. */
    public record Label(String id, String fingerprint, String ruleId, String file, int line, Truth truth, String note,
                        int sourceLine) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PROBLEMS = 20;

    public LabelSet {
        labels = List.copyOf(labels);
    }

    /** Reads and checks a labels file; every problem is reported as {@code FILE:LINE: problem}. */
    public static LabelSet read(Path file) throws BenchInputException {
        List<String> problems = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        String project = null;
        String sarif = null;
        boolean sawFindings = false;
        try (JsonParser p = JSON.createParser(Files.newInputStream(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BenchInputException(where(file, p) + "expected a JSON object with 'version', 'project' and 'findings'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int line = p.currentTokenLocation().getLineNr();
                switch (name) {
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 1) {
                            problems.add(file + ":" + line + ": unsupported 'version' (this Vigil reads version 1)");
                        }
                    }
                    case "project" -> project = text(p, value, file, line, "project", problems);
                    case "sarif" -> sarif = text(p, value, file, line, "sarif", problems);
                    case "findings" -> {
                        sawFindings = true;
                        if (value != JsonToken.START_ARRAY) {
                            problems.add(file + ":" + line + ": 'findings' must be an array");
                            p.skipChildren();
                            continue;
                        }
                        Set<String> ids = new HashSet<>();
                        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                            int at = p.currentTokenLocation().getLineNr();
                            JsonNode node = p.readValueAsTree();
                            Label label = label(node, file, at, labels.size() + 1, problems);
                            if (label != null && !ids.add(label.id())) {
                                problems.add(file + ":" + at + ": duplicate id '" + label.id() + "'");
                            } else if (label != null) {
                                labels.add(label);
                            }
                        }
                    }
                    default -> p.skipChildren(); // unknown keys are room for later versions
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(file + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new BenchInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BenchInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (problems.isEmpty()) {
            if (project == null) {
                problems.add(file + ": missing 'project' (the directory the labelled files are relative to)");
            }
            if (!sawFindings || labels.isEmpty()) {
                problems.add(file + ": no labelled findings");
            }
        }
        if (!problems.isEmpty()) {
            throw new BenchInputException(problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())));
        }
        Path base = file.toAbsolutePath().getParent();
        return new LabelSet(file, base.resolve(project).normalize(), sarif == null ? null : base.resolve(sarif).normalize(),
                labels);
    }

    private static String where(Path file, JsonParser p) {
        return file + ":" + p.currentTokenLocation().getLineNr() + ": ";
    }

    private static String text(JsonParser p, JsonToken value, Path file, int line, String key, List<String> problems)
            throws IOException {
        if (value != JsonToken.VALUE_STRING || p.getText().isBlank()) {
            problems.add(file + ":" + line + ": '" + key + "' must be a non-empty string");
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    private static Label label(JsonNode node, Path file, int line, int index, List<String> problems) {
        String at = file + ":" + line + ": ";
        if (!node.isObject()) {
            problems.add(at + "a finding must be a JSON object");
            return null;
        }
        int before = problems.size();
        String id = node.path("id").asText("#" + index);
        String fingerprint = node.path("fingerprint").asText("");
        String ruleId = node.path("ruleId").asText("");
        String path = node.path("file").asText("");
        JsonNode lineNode = node.path("line");
        int findingLine = lineNode.canConvertToInt() && lineNode.isIntegralNumber() ? lineNode.intValue() : 0;
        if (fingerprint.isEmpty()) {
            if (ruleId.isEmpty()) {
                problems.add(at + "finding " + id + ": needs 'ruleId' (or a 'fingerprint')");
            }
            if (path.isEmpty()) {
                problems.add(at + "finding " + id + ": needs 'file' (or a 'fingerprint')");
            }
            if (findingLine < 1) {
                problems.add(at + "finding " + id + ": needs a positive 'line' (or a 'fingerprint')");
            }
        }
        String labelText = node.path("label").asText("");
        Truth truth = switch (labelText) {
            case "true-positive" -> Truth.TRUE_POSITIVE;
            case "false-positive" -> Truth.FALSE_POSITIVE;
            default -> {
                problems.add(at + "finding " + id + ": 'label' must be true-positive or false-positive, not '" + labelText + "'");
                yield null;
            }
        };
        if (problems.size() > before) {
            return null;
        }
        return new Label(id, fingerprint, ruleId, path.replace('\\', '/'), findingLine, truth, node.path("note").asText(""), line);
    }
}
