package dev.vigil.java;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.models.ModelSet;
import dev.vigil.core.rules.RuleCatalog;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.AnalysisResult;
import dev.vigil.core.scan.Analyzer;
import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.checks.CheckContext;
import dev.vigil.java.checks.Checks;
import dev.vigil.java.checks.JavaCheck;
import dev.vigil.java.constants.ConstantResolver;
import dev.vigil.java.constants.ProjectProperties;
import dev.vigil.java.frontend.JavaFrontEnd;
import dev.vigil.java.frontend.JavaProgram;
import dev.vigil.java.frontend.ParsedUnit;
import dev.vigil.java.frontend.ProjectClasspath;
import dev.vigil.java.taint.JavaModels;
import dev.vigil.java.taint.TaintEngine;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The Java analysis: parses the sources once with {@link JavaFrontEnd}, runs the inter-procedural
 * taint engine over the whole program and the API-misuse checks over every unit. Registered for
 * {@link java.util.ServiceLoader} as a {@link dev.vigil.core.scan.Analyzer}.
 */
public final class JavaAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public AnalysisResult analyze(SourceSet sources, AnalysisOptions options, Progress progress) {
        RuleCatalog rules = RuleCatalog.load();
        ModelSet models = JavaModels.load(sources.base(), options.modelFiles());
        ProjectClasspath.Resolution classpath = ProjectClasspath.resolve(sources.buildFiles(),
                ProjectClasspath.defaultRepository());
        JavaProgram program = new JavaFrontEnd(classpath.jars(), options.jobs()).parse(sources.javaFiles(), progress);
        List<Notification> notes = new ArrayList<>(program.notifications());
        if (classpath.declared() > 0) {
            notes.add(new Notification(Notification.Level.NOTE, null, 0, "attributing with " + classpath.jars().size()
                    + " of " + classpath.declared() + " declared dependencies found in the local Maven repository"
                    + (classpath.missing() > 0 ? "; types of the others are resolved by name" : "")));
        }
        Map<String, String> properties = projectProperties(sources, notes);
        List<Finding> findings = new ArrayList<>();

        progress.start("taint analysis", 1);
        TaintEngine engine = new TaintEngine(program.units(), models, rules, options.threatModels(), properties);
        findings.addAll(engine.run());
        notes.addAll(engine.notifications());
        progress.advance(1);

        // Unreadable files were already reported above; the checks resolve conflicting keys as unknown.
        ConstantResolver constants = new ConstantResolver(ProjectProperties.of(sources.propertiesFiles()),
                program.units());
        progress.start("checking", program.units().size());
        for (ParsedUnit unit : program.units()) {
            CheckContext context = new CheckContext(rules, constants);
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
        findings.sort((a, b) -> {
            int c = a.location().file().compareTo(b.location().file());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a.location().startLine(), b.location().startLine());
            return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
        });
        return new AnalysisResult(findings, notes);
    }

    /**
     * Keys of the project's .properties files. A key defined with different values in different files
     * is left out: its value at run time is unknown.
     */
    static Map<String, String> projectProperties(SourceSet sources, List<Notification> notes) {
        Map<String, String> values = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (SourceFile f : sources.propertiesFiles()) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(f.text()));
            } catch (IOException | IllegalArgumentException e) {
                notes.add(Notification.warning(f.relativePath(), "cannot read properties: " + e.getMessage()));
                continue;
            }
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                String old = values.putIfAbsent(key, v);
                if (old != null && !old.equals(v)) {
                    conflicting.add(key);
                }
            }
        }
        conflicting.forEach(values::remove);
        return values;
    }
}
