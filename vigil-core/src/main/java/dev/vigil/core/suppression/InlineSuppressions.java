package dev.vigil.core.suppression;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Suppression;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code vigil-ignore} comments: {@code // vigil-ignore[java/sql-injection]: reason},
 * {@code // vigil-ignore[rule1,rule2]: reason} or a bare {@code // vigil-ignore: reason} for every
 * rule, on the finding's line or alone on the line above it ({@code #} comments in .properties files).
 * A suppressed finding stays in the result, marked, so SARIF can show it as suppressed with the
 * justification; only the text report hides it.
 */
public final class InlineSuppressions {

    private static final Pattern DIRECTIVE =
            Pattern.compile("(?://|/\\*|#)\\s*vigil-ignore(?:\\[([^\\]]*)\\])?(?:\\s*:\\s*(.*?))?\\s*(?:\\*/\\s*)?$");
    private static final Pattern COMMENT_ONLY = Pattern.compile("^\\s*(?://|/\\*|\\*|#).*");

    /** One parsed directive: the rules it names (empty for all) and the reason given. */
    record Directive(List<String> rules, String reason) {
        boolean covers(String ruleId) {
            return rules.isEmpty() || rules.contains(ruleId);
        }
    }

    private final Map<String, SourceFile> files = new HashMap<>();
    /** Split lazily: only files with findings are ever looked at. */
    private final Map<String, String[]> linesByFile = new HashMap<>();

    private InlineSuppressions(SourceSet sources) {
        sources.files().forEach(f -> files.put(f.relativePath(), f));
    }

    private String[] lines(String file) {
        SourceFile source = files.get(file);
        return source == null ? null
                : linesByFile.computeIfAbsent(file, k -> source.text().split("\\r\\n|\\r|\\n", -1));
    }

    /** Marks every finding covered by a directive; findings already suppressed keep their suppression. */
    public static List<Finding> apply(List<Finding> findings, SourceSet sources) {
        InlineSuppressions s = new InlineSuppressions(sources);
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(f.isSuppressed() ? f : s.find(f).map(f::withSuppression).orElse(f));
        }
        return out;
    }

    Optional<Suppression> find(Finding f) {
        String[] lines = lines(f.location().file());
        if (lines == null) {
            return Optional.empty();
        }
        int index = f.location().startLine() - 1;
        if (index < lines.length) {
            Optional<Directive> onLine = parse(lines[index]);
            if (onLine.isPresent() && onLine.get().covers(f.ruleId())) {
                return Optional.of(new Suppression(Suppression.Kind.IN_SOURCE, onLine.get().reason()));
            }
        }
        // A directive on the line above counts only when it stands alone: a trailing comment on the
        // previous statement is about that statement.
        if (index >= 1 && index - 1 < lines.length && COMMENT_ONLY.matcher(lines[index - 1]).matches()) {
            Optional<Directive> above = parse(lines[index - 1]);
            if (above.isPresent() && above.get().covers(f.ruleId())) {
                return Optional.of(new Suppression(Suppression.Kind.IN_SOURCE, above.get().reason()));
            }
        }
        return Optional.empty();
    }

    static Optional<Directive> parse(String line) {
        int at = line.indexOf("vigil-ignore");
        if (at < 0) {
            return Optional.empty();
        }
        Matcher m = DIRECTIVE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> rules = m.group(1) == null ? List.of()
                : Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return Optional.of(new Directive(rules, m.group(2) == null ? "" : m.group(2).strip()));
    }
}
