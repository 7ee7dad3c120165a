package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.rules.Rule;
import dev.vigil.core.rules.RuleCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil rules}: the rule catalog as a table or as JSON. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the rules Vigil checks: id, CWE, default severity and name.",
        footer = {
            "",
            "Examples:",
            "  vigil rules                      the rules as a table",
            "  vigil rules --format json        the rules as JSON, for scripts",
            "  vigil explain java/sql-injection the full description of one rule",
        })
public final class RulesCommand implements Callable<Integer> {

    /** The formats of this command; a report format would make no sense here. */
    enum Format { TEXT, JSON }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Rule> rules = RuleCatalog.load().all();
        if (format == Format.JSON) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = json.createArrayNode();
            for (Rule r : rules) {
                ObjectNode node = array.addObject();
                node.put("id", r.id());
                node.put("name", r.name());
                node.put("cwe", r.cwe());
                node.put("severity", r.severity().label());
                node.put("shortDescription", r.shortDescription());
                node.set("tags", json.valueToTree(r.tags()));
            }
            out.println(json.writeValueAsString(array));
        } else {
            out.print(table(rules));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String table(List<Rule> rules) {
        if (rules.isEmpty()) {
            return "No rules installed.\n";
        }
        int idWidth = Math.max(2, rules.stream().mapToInt(r -> r.id().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        String row = "%-" + idWidth + "s  %-8s  %-8s  %s%n";
        sb.append(String.format(row, "ID", "CWE", "SEVERITY", "NAME"));
        for (Rule r : rules) {
            sb.append(String.format(row, r.id(), r.cwe() > 0 ? r.cweLabel() : "-", r.severity().label(), r.name()));
        }
        sb.append(rules.size()).append(rules.size() == 1 ? " rule" : " rules").append('\n');
        return sb.toString();
    }
}
