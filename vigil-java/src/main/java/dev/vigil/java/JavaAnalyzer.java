package dev.vigil.java;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.checks.CheckContext;
import dev.vigil.java.checks.Checks;
import dev.vigil.java.checks.JavaCheck;
import dev.vigil.java.frontend.JavaFrontEnd;
import dev.vigil.java.frontend.JavaProgram;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java analysis: parses the sources once with {@link JavaFrontEnd}, then runs the API-misuse
 * checks over every unit. Registered for {@link java.util.ServiceLoader} as a
 * {@link dev.vigil.core.scan.Analyzer}.
 */
public final class JavaAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public AnalysisResult analyze(SourceSet sources, AnalysisOptions options, Progress progress) {
        RuleCatalog rules = RuleCatalog.load();
        JavaProgram program = new JavaFrontEnd(List.of(), options.jobs()).parse(sources.javaFiles(), progress);
        List<Notification> notes = new ArrayList<>(program.notifications());
        List<Finding> findings = new ArrayList<>();
        progress.start("checking", program.units().size());
        for (ParsedUnit unit : program.units()) {
            CheckContext context = new CheckContext(rules);
            for (JavaCheck check : Checks.all()) {
                try {
                    check.check(unit, context);
                } catch (RuntimeException | StackOverflowError e) {
                    notes.add(Notification.warning(unit.file().relativePath(),
                            "check " + check.ruleId() + " failed on this file: " + e));
                }
            }
            findings.addAll(context.findings());
            progress.advance(1);
        }
        return new AnalysisResult(findings, notes);
    }
}
