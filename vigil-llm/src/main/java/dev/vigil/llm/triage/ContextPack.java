package dev.vigil.llm.triage;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.FlowStep;
import dev.vigil.llm.budget.TokenEstimator;
import dev.vigil.llm.code.CodeIndex;
import dev.vigil.llm.code.DataBlock;
import dev.vigil.llm.code.MethodLocator;
import dev.vigil.llm.code.SourceLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model sees of one finding: the flow steps and, for each, the code of the enclosing method
 * read from disk, within a token budget. The sink and the source come first because a verdict
 * depends on them most; intermediate steps are added while the budget lasts, then shrunk to a few
 * lines around the step, then left out (and the pack says how many).
 *
 * <p>Code is wrapped in {@code <untrusted-code>} tags; any spelling of the tag inside the code is
 * defused so scanned text cannot close the data block and pose as instructions.
 */
record ContextPack(String flow, String code, int stepsShown, int stepsOmitted, List<String> notes) {

    static final String OPEN = DataBlock.OPEN;
    static final String CLOSE = DataBlock.CLOSE;
    private static final int MAX_METHOD_LINES = 80;
    private static final int NARROW = 3;

    /** Names of called methods that look like sanitizers or validators, whose bodies decide many verdicts. */
    private static final Pattern VALIDATOR_CALL = Pattern.compile(
            "\\b((?:[a-z][\\w$]*?)?(?:[Ss]anitiz|[Ee]scap|[Vv]alidat|[Cc]lean|[Ee]ncod|[Ff]ilter|[Cc]heck|[Vv]erif|[Ww]hitelist|[Aa]llow|[Nn]ormaliz|[Qq]uot)[\\w$]*)\\s*\\(");
    private static final int MAX_VALIDATORS = 3;
    private static final int MAX_VALIDATOR_LINES = 40;

    static ContextPack build(Finding finding, SourceLines sources, int tokenBudget) {
        return build(finding, sources, null, tokenBudget);
    }

    /**
     * @param index the project's code index, to find the bodies of validators called on the flow's lines;
     *     null to show only the flow
     */
    static ContextPack build(Finding finding, SourceLines sources, CodeIndex index, int tokenBudget) {
        List<FlowStep> steps = finding.flow().isEmpty()
                ? List.of(new FlowStep(FlowStep.Kind.SINK, finding.location(), finding.message()))
                : finding.flow();
        StringBuilder flow = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            FlowStep s = steps.get(i);
            flow.append(i + 1).append(". [").append(s.kind().label()).append("] ")
                    .append(s.location().shortText()).append(": ").append(defuse(oneLine(s.description()))).append('\n');
        }
        // Priority: sink, source, then the steps nearest the sink.
        List<Integer> order = new ArrayList<>();
        order.add(steps.size() - 1);
        if (steps.size() > 1) {
            order.add(0);
        }
        for (int i = steps.size() - 2; i >= 1; i--) {
            order.add(i);
        }
        // Blocks per file, merged so steps in the same method show that method once.
        Map<String, TreeSet<Integer>> wanted = new LinkedHashMap<>();
        Map<String, List<MethodLocator.Range>> ranges = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        long used = TokenEstimator.estimate(flow.toString());
        int shown = 0;
        int omitted = 0;
        for (int idx : order) {
            FlowStep s = steps.get(idx);
            String file = s.location().file();
            SourceLines.Read read = sources.read(file);
            if (read instanceof SourceLines.Read.Unavailable u) {
                String note = file + ": " + u.reason();
                if (!notes.contains(note)) {
                    notes.add(note);
                }
                omitted++;
                continue;
            }
            List<String> lines = ((SourceLines.Read.Lines) read).lines();
            int line = s.location().startLine();
            if (line > lines.size()) {
                notes.add(file + ":" + line + ": line is past the end of the file (" + lines.size() + " lines); file changed?");
                omitted++;
                continue;
            }
            List<MethodLocator.Range> fileRanges = ranges.computeIfAbsent(file, f -> new ArrayList<>());
            if (fileRanges.stream().anyMatch(r -> r.start() <= line && line <= r.end())) {
                wanted.get(file).add(line);
                shown++;
                continue;
            }
            MethodLocator.Range method = MethodLocator.enclosing(lines, line);
            if (method.size() > MAX_METHOD_LINES) {
                int half = MAX_METHOD_LINES / 2;
                method = new MethodLocator.Range(Math.max(method.start(), line - half),
                        Math.min(method.end(), line + half));
            }
            MethodLocator.Range narrow = new MethodLocator.Range(Math.max(1, line - NARROW),
                    Math.min(lines.size(), line + NARROW));
            MethodLocator.Range chosen = null;
            for (MethodLocator.Range candidate : List.of(method, narrow)) {
                long cost = estimateLines(lines, candidate);
                if (used + cost <= tokenBudget) {
                    chosen = candidate;
                    used += cost;
                    break;
                }
            }
            if (chosen == null) {
                omitted++;
                continue;
            }
            fileRanges.add(chosen);
            wanted.computeIfAbsent(file, f -> new TreeSet<>()).add(line);
            shown++;
        }
        List<String> validators = new ArrayList<>();
        if (index != null) {
            Set<String> names = new LinkedHashSet<>();
            for (FlowStep s : steps) {
                if (sources.read(s.location().file()) instanceof SourceLines.Read.Lines l && s.location().startLine() <= l.lines().size()) {
                    Matcher m = VALIDATOR_CALL.matcher(l.lines().get(s.location().startLine() - 1));
                    while (m.find() && names.size() < MAX_VALIDATORS) {
                        names.add(m.group(1));
                    }
                }
            }
            for (String name : names) {
                for (CodeIndex.Hit decl : index.declarations(name, 2)) {
                    List<MethodLocator.Range> fileRanges = ranges.computeIfAbsent(decl.file(), f -> new ArrayList<>());
                    if (fileRanges.stream().anyMatch(r -> r.start() <= decl.line() && decl.line() <= r.end())) {
                        continue;
                    }
                    List<String> lines = index.lines(decl.file()).orElse(List.of());
                    MethodLocator.Range body = declaredMethod(lines, decl.line());
                    if (body == null) {
                        continue;
                    }
                    body = new MethodLocator.Range(body.start(), Math.min(body.end(), body.start() + MAX_VALIDATOR_LINES - 1));
                    long cost = estimateLines(lines, body);
                    if (used + cost > tokenBudget) {
                        continue;
                    }
                    used += cost;
                    fileRanges.add(body);
                    wanted.computeIfAbsent(decl.file(), f -> new TreeSet<>()).add(decl.line());
                    validators.add(name + " (" + decl.file() + ":" + decl.line() + ")");
                }
            }
            ranges.values().removeIf(List::isEmpty);
        }
        StringBuilder code = new StringBuilder();
        for (var entry : ranges.entrySet()) {
            String file = entry.getKey();
            List<String> lines = ((SourceLines.Read.Lines) sources.read(file)).lines();
            List<MethodLocator.Range> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(java.util.Comparator.comparingInt(MethodLocator.Range::start));
            Set<Integer> marks = wanted.getOrDefault(file, new TreeSet<>());
            for (MethodLocator.Range r : sorted) {
                code.append(OPEN).append(" file=\"").append(defuse(file).replace("\"", "'")).append("\" lines=\"")
                        .append(r.start()).append('-').append(r.end()).append("\">\n");
                int width = String.valueOf(r.end()).length();
                for (int n = r.start(); n <= r.end(); n++) {
                    code.append(marks.contains(n) ? "> " : "  ")
                            .append(String.format("%" + width + "d", n)).append(" | ")
                            .append(defuse(lines.get(n - 1))).append('\n');
                }
                code.append(CLOSE).append('\n');
            }
        }
        if (omitted > 0) {
            code.append("(").append(omitted).append(" flow step(s) without code: token budget or unreadable file)\n");
        }
        if (!validators.isEmpty()) {
            code.append("(also shown: the bodies of methods called on the flow that may sanitize or validate: ")
                    .append(defuse(String.join(", ", validators))).append(")\n");
        }
        for (String note : notes) {
            code.append("(note: ").append(defuse(note)).append(")\n");
        }
        return new ContextPack(flow.toString().stripTrailing(), code.toString().stripTrailing(), shown, omitted,
                List.copyOf(notes));
    }

    /** The method declared at {@code line} (its '{' may be on a later line of the signature), or null. */
    private static MethodLocator.Range declaredMethod(List<String> lines, int line) {
        for (int probe = line; probe <= Math.min(lines.size(), line + 3); probe++) {
            MethodLocator.Range r = MethodLocator.enclosing(lines, probe);
            if (r.start() <= line && r.start() >= line - 4 && r.end() >= probe) {
                return r;
            }
        }
        return null;
    }

    private static long estimateLines(List<String> lines, MethodLocator.Range r) {
        long n = 20;
        for (int i = r.start(); i <= r.end(); i++) {
            n += TokenEstimator.estimate(lines.get(i - 1)) + 3;
        }
        return n;
    }

    /** Makes any spelling of the data tags inert, so code cannot end the data block early. */
    static String defuse(String text) {
        return DataBlock.defuse(text);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
