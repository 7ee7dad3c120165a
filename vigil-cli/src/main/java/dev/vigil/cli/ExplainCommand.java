package dev.vigil.cli;

import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vigil explain RULE}: everything the catalog says about one rule. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints a rule's full description and remediation help.",
        footer = {
            "",
            "Examples:",
            "  vigil explain java/sql-injection",
            "  vigil explain java/weak-hash",
        })
public final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule id, as listed by 'vigil rules'.")
    String ruleId;

    @Override
    public Integer call() {
        RuleCatalog catalog = RuleCatalog.load();
        Rule rule = catalog.find(ruleId.strip()).orElseThrow(() -> unknown(catalog));
        PrintWriter out = spec.commandLine().getOut();
        out.println(rule.id() + " - " + rule.name());
        out.println((rule.cwe() > 0 ? rule.cweLabel() + ", " : "") + "default severity " + rule.severity().label()
                + (rule.tags().isEmpty() ? "" : ", tags: " + String.join(", ", rule.tags())));
        out.println();
        out.println(rule.fullDescription());
        if (!rule.help().isBlank()) {
            out.println();
            out.println(rule.help().strip());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private UsageException unknown(RuleCatalog catalog) {
        List<String> closest = closest(ruleId, catalog.all().stream().map(Rule::id).toList());
        String hint = closest.isEmpty() ? "" : " Did you mean: " + String.join(", ", closest) + "?";
        return new UsageException("unknown rule '" + ruleId + "'." + hint + " Run 'vigil rules' to list the rules.");
    }

    /** The up to three ids nearest by edit distance, and ids containing the text. */
    static List<String> closest(String wanted, List<String> ids) {
        String w = wanted.toLowerCase(Locale.ROOT);
        return ids.stream()
                .filter(id -> id.contains(w) || distance(w, id) <= Math.max(3, id.length() / 3))
                .sorted(Comparator.comparingInt((String id) -> id.contains(w) ? 0 : distance(w, id))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3)
                .toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
