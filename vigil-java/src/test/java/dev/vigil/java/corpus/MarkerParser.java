package dev.vigil.java.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code // vigil: expect <rule>[, <rule>...]} and {@code // vigil: safe <rule>...} markers of
 * one file. Strict on purpose: a marker the parser silently ignored would turn a real regression into a
 * passing test, so anything after {@code // vigil:} that is not a well-formed marker is an error naming
 * file and line.
 */
final class MarkerParser {

    /** Any line comment that starts talking to Vigil; whatever follows is then checked. */
    private static final Pattern MARKER = Pattern.compile("//\\s*vigil\\s*:(.*)$");
    private static final Pattern BODY = Pattern.compile("\\s*(\\S+)\\s*(.*?)\\s*");
    private static final Pattern RULE_ID = Pattern.compile("[a-z]+/[a-z0-9-]+");

    private MarkerParser() {
    }

    static List<Marker> parse(String file, String text) {
        List<Marker> markers = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.find()) {
                markers.addAll(parseMarker(file, i + 1, m.group(1)));
            }
        }
        return List.copyOf(markers);
    }

    private static List<Marker> parseMarker(String file, int line, String body) {
        Matcher m = BODY.matcher(body);
        if (!m.matches()) {
            throw new MarkerSyntaxException(file, line, "empty marker; write '// vigil: expect <rule-id>' or '// vigil: safe <rule-id>'");
        }
        Marker.Kind kind = switch (m.group(1)) {
            case "expect" -> Marker.Kind.EXPECT;
            case "safe" -> Marker.Kind.SAFE;
            default -> throw new MarkerSyntaxException(file, line,
                    "unknown marker kind '" + m.group(1) + "' (expected 'expect' or 'safe')");
        };
        String rules = m.group(2);
        if (rules.isEmpty()) {
            throw new MarkerSyntaxException(file, line, "marker names no rule id");
        }
        Map<String, Marker> byRule = new HashMap<>();
        List<Marker> out = new ArrayList<>();
        for (String raw : rules.split(",", -1)) {
            String id = raw.strip();
            if (id.isEmpty()) {
                throw new MarkerSyntaxException(file, line, "empty rule id in '" + rules + "'");
            }
            if (!RULE_ID.matcher(id).matches()) {
                throw new MarkerSyntaxException(file, line, "'" + id + "' is not a rule id (expected e.g. java/sql-injection)");
            }
            if (!KnownRules.isKnown(id)) {
                throw new MarkerSyntaxException(file, line, "unknown rule id '" + id + "' (not in RULES.md)");
            }
            Marker marker = new Marker(file, line, kind, id);
            if (byRule.putIfAbsent(id, marker) != null) {
                throw new MarkerSyntaxException(file, line, "rule id '" + id + "' named twice");
            }
            out.add(marker);
        }
        return out;
    }
}
